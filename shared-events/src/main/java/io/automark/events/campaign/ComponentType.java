package io.automark.events.campaign;

/** Every kind of component a flow may hold. */
public enum ComponentType {
    TARGET_AUDIENCE(Role.ENTRY),
    BEHAVIOR_EVENT(Role.ENTRY),
    WAIT_UNTIL(Role.CONTROL),
    RANDOM_GROUPING(Role.CONTROL),
    TAG_JUDGMENT(Role.CONTROL),
    RESULT_JUDGMENT(Role.CONTROL),
    AB_TEST(Role.CONTROL),
    GENERATE_AUDIENCE(Role.ACTION),
    TAG(Role.ACTION),
    TEXT_SMS(Role.CHANNEL),
    DIGITAL_SMS(Role.CHANNEL),
    EMAIL(Role.CHANNEL),
    WECHAT_MESSAGE(Role.CHANNEL),
    TEMPLATE_MESSAGE(Role.CHANNEL),
    APP_PUSH(Role.CHANNEL),
    COUPON(Role.CHANNEL),
    SHOPPING_GUIDE_TASK(Role.CHANNEL),
    WEBHOOK(Role.CHANNEL),
    KAFKA(Role.CHANNEL);

    /** What a component does in a flow; it decides which figures it has. */
    public enum Role { ENTRY, CONTROL, ACTION, CHANNEL }

    private final Role role;

    ComponentType(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    public boolean isEntry() {
        return role == Role.ENTRY;
    }

    public boolean isChannel() {
        return role == Role.CHANNEL;
    }
}
