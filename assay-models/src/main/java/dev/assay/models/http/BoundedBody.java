package dev.assay.models.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into a byte array of at most a given size: a larger body (by its
 * Content-Length or, without one, by what arrives) fails with {@link TooLarge} and the rest is not
 * read, so a misbehaving server cannot exhaust the client's memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<ByteBuffer> parts = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    private BoundedBody(long limit) {
        this.limit = limit;
    }

    /**
     * Bodies of at most {@code limit} bytes. A body whose Content-Length is within the limit is read
     * by the JDK's own subscriber, which the client runs without handing each part to another thread;
     * one of unknown length is counted as it arrives.
     */
    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared >= 0 && declared <= limit) {
                return HttpResponse.BodySubscribers.ofByteArray();
            }
            BoundedBody subscriber = new BoundedBody(limit);
            if (declared > limit) {
                subscriber.body.completeExceptionally(new TooLarge(limit));
            }
            return subscriber;
        };
    }

    /** The body was larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        TooLarge(long limit) {
            super("the answer is larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (body.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            size += b.remaining();
            parts.add(b);
        }
        if (size > limit) {
            parts.clear();
            subscription.cancel();
            body.completeExceptionally(new TooLarge(limit));
        }
    }

    @Override
    public void onError(Throwable error) {
        parts.clear();
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        byte[] out = new byte[(int) size];
        int at = 0;
        for (ByteBuffer b : parts) {
            int n = b.remaining();
            b.get(out, at, n);
            at += n;
        }
        parts.clear();
        body.complete(out);
    }
}
