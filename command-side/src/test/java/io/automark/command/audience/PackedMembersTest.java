package io.automark.command.audience;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PackedMembersTest {

    @Test
    void readsBackWhatItPacked() {
        List<AudienceMember> members = List.of(
                new AudienceMember("u-1", Map.of("city", "São Paulo", "quote", "say \"hi\"\n"), Set.of("a", "b")),
                new AudienceMember("u-2", Map.of(), Set.of()),
                new AudienceMember("用户-3", Map.of("", "empty name"), Set.of("标签")));

        List<AudienceMember> read = PackedMembers.unpack(PackedMembers.pack(members), Map.of());

        assertThat(read).containsExactlyElementsOf(members);
    }

    @Test
    void addsTheTagsAddedSince() {
        byte[] packed = PackedMembers.pack(List.of(new AudienceMember("u-1", Map.of(), Set.of("old"))));

        List<AudienceMember> read = PackedMembers.unpack(packed, Map.of("u-1", Set.of("vip"), "u-9", Set.of("x")));

        assertThat(read).containsExactly(new AudienceMember("u-1", Map.of(), Set.of("old", "vip")));
    }

    @Test
    void packsAnEmptyChunk() {
        byte[] packed = PackedMembers.pack(List.of());

        assertThat(PackedMembers.unpack(packed, Map.of())).isEmpty();
    }

    @Test
    void refusesAMemberWhoseAttributesAreNoObject() {
        byte[] damaged = "[{\"u\":\"u-1\",\"a\":\"x\",\"t\":[]}]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PackedMembers.unpack(damaged, Map.of())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tellsTheUserIdsOfADamagedChunkUpToTheDamage() {
        byte[] damaged = ("[{\"u\":\"u-1\",\"a\":\"x\",\"t\":[]},{\"u\":\"u-2\",\"a\":{\"u\":\"no\"}},"
                + "{\"u\":7},{\"u\":\"u-3\"").getBytes(StandardCharsets.UTF_8);

        assertThat(PackedMembers.userIdsOf(damaged)).containsExactly("u-1", "u-2", "u-3");
    }

    @Test
    void refusesBytesThatAreNoPackedChunk() {
        byte[] garbage = "{\"u\": 1}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PackedMembers.unpack(garbage, Map.of())).isInstanceOf(IllegalStateException.class);
    }
}
