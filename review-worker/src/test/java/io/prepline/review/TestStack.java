package io.prepline.review;

import io.prepline.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every {@code @QuarkusTest} of this module runs against the real PostgreSQL and Kafka of the shared dev stack. */
@QuarkusTestResource(value = DevStackTestResource.class)
public final class TestStack {

    private TestStack() {
    }
}
