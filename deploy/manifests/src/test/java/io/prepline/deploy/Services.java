package io.prepline.deploy;

import java.util.List;

/** The three services as every deployment file must expose them: the API port and the management port. */
record Services(String name, int apiPort, int managementPort) {

    static final List<Services> ALL = List.of(
            new Services("question-service", 8081, 9081),
            new Services("answer-service", 8082, 9082),
            new Services("review-worker", 8083, 9083));
}
