package io.prepline.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Prints a token for the local stack. Usage: {@code TokenMain KEY_DIR USER ROLE[,ROLE...] [HOURS]}.
 * The token is the last line of the output.
 */
public final class TokenMain {

    private TokenMain() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: token USER ROLE[,ROLE...] [HOURS]   roles: " + String.join(", ", JwtKeys.ROLES));
            System.exit(2);
        }
        List<String> roles = Arrays.stream(args[2].split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
        long hours = args.length == 4 ? Long.parseLong(args[3]) : 12;
        try {
            String token = JwtKeys.loadOrCreate(Path.of(args[0])).mint(args[1], roles, Duration.ofHours(hours));
            System.out.println("# user " + args[1] + ", roles " + roles + ", valid " + hours + " h; use it as:");
            System.out.println("#   curl -H \"Authorization: Bearer $TOKEN\" ...");
            System.out.println(token);
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.exit(2);
        }
    }
}
