package io.prepline.question.partners;

/**
 * Secret keys are for a partner's servers (header {@code X-Api-Key}, never in a page); publishable keys may sit in a
 * page, and are accepted only from the partner's allowed origins and in the embed framed by them.
 */
public enum KeyKind {
    SECRET("sk"),
    PUBLISHABLE("pk");

    private final String prefix;

    KeyKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    static KeyKind ofPrefix(String prefix) {
        for (KeyKind kind : values()) {
            if (kind.prefix.equals(prefix)) {
                return kind;
            }
        }
        return null;
    }
}
