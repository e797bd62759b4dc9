package io.prepline.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.google.gson.Gson;

/**
 * The Kubernetes API schema, as the official Kubernetes Java client carries it: its models are generated from the
 * API server's OpenAPI document, and reading one from JSON fails on a field the API does not define, a required
 * field that is missing, a value of the wrong type or a malformed quantity. The API group, version and kind must be
 * one the API serves: the client's {@code <Group><Version>Api} must create that kind.
 */
final class KubernetesSchema {

    private static final String API_PACKAGE = "io.kubernetes.client.openapi.apis.";
    private static final Gson GSON = new Gson();

    private KubernetesSchema() {
    }

    /** Why the API server would refuse {@code object}, or empty when it matches the schema. */
    static Optional<String> problem(Map<String, Object> object) {
        String apiVersion = Tree.text(object, "apiVersion");
        String kind = Tree.text(object, "kind");
        if (apiVersion == null || kind == null) {
            return Optional.of("no apiVersion or kind");
        }
        Optional<Class<?>> model = modelOf(apiVersion, kind);
        if (model.isEmpty()) {
            return Optional.of("the Kubernetes API has no " + kind + " in " + apiVersion);
        }
        try {
            model.get().getMethod("fromJson", String.class).invoke(null, GSON.toJson(object));
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + model.get().getName(), e);
        }
    }

    /** The client's model of {@code kind} in {@code apiVersion}, the body type of the API's create operation. */
    static Optional<Class<?>> modelOf(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "core" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        Class<?> api;
        try {
            api = Class.forName(API_PACKAGE + className(group) + capitalized(version) + "Api");
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        return Arrays.stream(api.getMethods())
                .filter(m -> m.getName().equals("createNamespaced" + kind) || m.getName().equals("create" + kind))
                .map(KubernetesSchema::body)
                .findFirst();
    }

    private static Class<?> body(Method create) {
        Class<?>[] parameters = create.getParameterTypes();
        return parameters[parameters.length - 1];
    }

    /** networking.k8s.io -> Networking, rbac.authorization.k8s.io -> RbacAuthorization, apps -> Apps. */
    private static String className(String group) {
        return Arrays.stream(group.replace(".k8s.io", "").split("\\."))
                .map(KubernetesSchema::capitalized)
                .collect(Collectors.joining());
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
