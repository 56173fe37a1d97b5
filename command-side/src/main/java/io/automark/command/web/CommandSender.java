package io.automark.command.web;

import io.automark.command.infrastructure.CommandSideConfiguration;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sends a command on behalf of the calling user and waits until its events are stored. */
@Component
public class CommandSender {

    private final CommandGateway commands;

    public CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, String actor) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(CommandSideConfiguration.ACTOR, actor)));
    }
}
