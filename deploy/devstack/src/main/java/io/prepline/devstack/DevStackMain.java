package io.prepline.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the dev stack in the foreground until the process is told to stop.
 * Usage: {@code DevStackMain --data-dir DIR [--postgres-port N] [--kafka-port N] [--control-port N]}.
 * When ready it writes {@code DIR/stack.env} with the connection settings and the port where {@link StackControl}
 * takes commands (0, the default: a free port), and prints a line starting with "READY".
 */
public final class DevStackMain {

    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = null;
        int postgresPort = 5433;
        int kafkaPort = 9092;
        int controlPort = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                case "--postgres-port" -> postgresPort = Integer.parseInt(require(args[i], value));
                case "--kafka-port" -> kafkaPort = Integer.parseInt(require(args[i], value));
                case "--control-port" -> controlPort = Integer.parseInt(require(args[i], value));
                default -> fail("unknown option " + args[i]);
            }
            i++;
        }
        if (dataDir == null) {
            fail("missing --data-dir");
        }
        DevStack stack = DevStack.start(new DevStack.Options(dataDir.toAbsolutePath(), postgresPort, kafkaPort, true));
        StackControl control = StackControl.serve(controlPort, stack::control);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            control.close();
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));
        writeEnv(dataDir.resolve("stack.env"), stack, control);
        System.out.println("READY postgres=" + stack.postgres().jdbcUrl("<database>")
                + " kafka=" + stack.kafka().bootstrapServers() + " control=127.0.0.1:" + control.port());
        stopped.await();
    }

    private static void writeEnv(Path file, DevStack stack, StackControl control) {
        String env = "POSTGRES_PORT=" + stack.postgres().port() + "\n"
                + "KAFKA_BOOTSTRAP_SERVERS=" + stack.kafka().bootstrapServers() + "\n"
                + "JWT_PUBLIC_KEY=" + stack.keys().publicKeyFile() + "\n"
                + "JWT_ISSUER=" + JwtKeys.ISSUER + "\n"
                + StackControl.PORT_KEY + "=" + control.port() + "\n";
        try {
            Files.writeString(file, env);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println("devstack: " + message);
        System.exit(2);
    }
}
