package io.prepline.platform.tracing;

import io.opentelemetry.context.Context;
import jakarta.enterprise.context.RequestScoped;

/**
 * The trace of the current REST request ({@link RequestSpans}), for a reactive resource method that hands its work to
 * a worker thread: {@code runSubscriptionOn(trace.context().wrap(pool))} runs the work in the request's span.
 */
@RequestScoped
public class RequestTrace {

    private Context context = Context.root();

    public Context context() {
        return context;
    }

    void set(Context context) {
        this.context = context;
    }
}
