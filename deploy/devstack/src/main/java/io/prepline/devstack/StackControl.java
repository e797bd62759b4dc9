package io.prepline.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Function;

/**
 * Operates a running {@link DevStackMain} from another process: stop, start, freeze and resume PostgreSQL and Kafka
 * on their ports, for outage drills and chaos runs. The stack listens on 127.0.0.1 ({@code DEVSTACK_CONTROL_PORT} in
 * {@code stack.env}); each connection carries one command line and gets one line back, {@code ok <status>} or
 * {@code error <message>}.
 * <p>
 * Usage: {@code StackControl --data-dir DIR COMMAND} (see {@link DevStack#COMMANDS}); prints the stack's status
 * after the command, for example {@code postgres=frozen kafka=running}. Exit code 1 when the command failed, 2 when
 * no stack answers.
 */
public final class StackControl implements AutoCloseable {

    /** The key of the control port in {@code stack.env}. */
    static final String PORT_KEY = "DEVSTACK_CONTROL_PORT";
    private static final int MAX_COMMAND = 100;
    private static final int READ_TIMEOUT_MILLIS = 5000;

    private final ServerSocket server;
    private final Function<String, String> control;

    private StackControl(ServerSocket server, Function<String, String> control) {
        this.server = server;
        this.control = control;
    }

    /** Serves {@code control} on 127.0.0.1:{@code port} (0: a free port) on a daemon thread. */
    static StackControl serve(int port, Function<String, String> control) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            StackControl serving = new StackControl(server, control);
            Thread.ofPlatform().daemon().name("devstack-control").start(serving::accept);
            return serving;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for dev stack commands on port " + port, e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** One command at a time, so that a stop and a start never overlap. */
    private void accept() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(READ_TIMEOUT_MILLIS);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8);
                out.println(answer(in.readLine()));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("devstack: control connection failed: " + e);
                }
            }
        }
    }

    private String answer(String command) {
        if (command == null || command.isBlank() || command.length() > MAX_COMMAND) {
            return "error no command";
        }
        try {
            return "ok " + control.apply(command.strip());
        } catch (RuntimeException e) {
            return "error " + e.getMessage();
        }
    }

    /** Sends {@code command} to the stack running with {@code dataDir} and returns its answer line. */
    public static String send(Path dataDir, String command) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(dataDir))) {
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8);
            out.println(command);
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (answer == null) {
                throw new IOException("the dev stack closed the connection without an answer");
            }
            return answer;
        }
    }

    private static int port(Path dataDir) throws IOException {
        Path env = dataDir.resolve("stack.env");
        Properties settings = new Properties();
        try (var reader = Files.newBufferedReader(env)) {
            settings.load(reader);
        }
        String port = settings.getProperty(PORT_KEY);
        if (port == null) {
            throw new IOException(env + " has no " + PORT_KEY);
        }
        return Integer.parseInt(port.strip());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing on exit
        }
    }

    public static void main(String[] args) {
        if (args.length != 3 || !args[0].equals("--data-dir")) {
            System.err.println("usage: StackControl --data-dir DIR COMMAND   (COMMAND: one of " + DevStack.COMMANDS + ")");
            System.exit(2);
        }
        String answer;
        try {
            answer = send(Path.of(args[1]), args[2]);
        } catch (IOException | RuntimeException e) {
            System.err.println("devstack: no dev stack answers for " + args[1] + " (is deploy/local/run running?): " + e);
            System.exit(2);
            return;
        }
        if (answer.startsWith("ok ")) {
            System.out.println(answer.substring(3));
        } else {
            System.err.println("devstack: " + answer);
            System.exit(1);
        }
    }
}
