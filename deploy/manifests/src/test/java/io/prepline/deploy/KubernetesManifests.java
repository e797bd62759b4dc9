package io.prepline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The objects of deploy/k8s: those the kustomization applies, and the optional ones applied by hand. */
final class KubernetesManifests {

    static final String DIRECTORY = "deploy/k8s";

    /** One object and the file it comes from. */
    record Manifest(String file, Map<String, Object> object) {

        String kind() {
            return Tree.text(object, "kind");
        }

        String name() {
            return Tree.text(object, "metadata", "name");
        }

        boolean is(String kind) {
            return kind.equals(kind());
        }

        /** The pod template of a Deployment or Job, or null. */
        Map<String, Object> podTemplate() {
            return is("Deployment") || is("Job") ? Tree.map(object, "spec", "template") : null;
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file + ")";
        }
    }

    private KubernetesManifests() {
    }

    static Map<String, Object> kustomization() {
        return Yaml.document(Repository.file(DIRECTORY + "/kustomization.yaml"));
    }

    static List<String> resourceFiles() {
        return Tree.list(kustomization(), "resources").stream().map(String::valueOf).toList();
    }

    /** What {@code kubectl apply -k deploy/k8s} applies, but the config maps it generates. */
    static List<Manifest> applied() {
        return resourceFiles().stream().flatMap(file -> read(DIRECTORY + "/" + file)).toList();
    }

    static List<Manifest> optional() {
        return yamlFiles(Repository.file(DIRECTORY + "/optional")).stream()
                .flatMap(file -> read(DIRECTORY + "/optional/" + file.getFileName())).toList();
    }

    static List<Manifest> all() {
        return Stream.concat(applied().stream(), optional().stream()).toList();
    }

    static List<Manifest> ofKind(String kind) {
        return applied().stream().filter(m -> m.is(kind)).toList();
    }

    static List<Manifest> workloads() {
        return applied().stream().filter(m -> m.podTemplate() != null).toList();
    }

    /** The names of the config maps the kustomization generates (configMapGenerator). */
    static List<String> generatedConfigMaps() {
        return Tree.maps(kustomization(), "configMapGenerator").stream()
                .map(generator -> Tree.text(generator, "name")).filter(Objects::nonNull).toList();
    }

    static List<Path> yamlFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Manifest> read(String file) {
        return Yaml.documents(Repository.file(file)).stream().map(object -> new Manifest(file, object));
    }
}
