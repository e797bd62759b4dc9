package io.prepline.chaos;

import java.time.Duration;

/**
 * A fault the run caused: its name, when it began (since the load started) and how long until the part was back
 * (the broker started again, the instance ready again).
 */
record Fault(String name, Duration at, Duration length) {

    /** Before any fault: the steady load alone. */
    static final String NONE = "none (steady load)";
}
