package io.augur.platform.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * {@code quarkus.http.idle-timeout} guards against silent clients only, not against a silent server. Vert.x's
 * idle timeout is Netty's all-idle timer: the connection is closed when nothing was read and nothing written for
 * the timeout. Every read resets it, so an upload that is still streaming is never idle, however slow; but once
 * the whole request has arrived the client sends nothing more and waits, and a request that the server works on
 * for longer than the timeout (a 1 GB battle file parsed and stored, a big import) was closed under it, its answer
 * lost, although the client was there all along. This handler, in every HTTP/1.x connection's pipeline just
 * before Vert.x's request handler, swallows the idle events of a connection whose request has fully arrived and
 * whose response has not yet been written in full: the server is answering, the connection is not idle. A
 * half-sent request (the slow-loris case) and a connection idle between requests are still closed at the
 * timeout. A client that goes away while it waits is seen by its closed connection, not by this timer (the
 * compute pool then stops its work). Long work stays bounded by the compute time budget and the database's own
 * timeouts.
 */
public class IdleWhileAnswering {

    private static final Logger LOG = Logger.getLogger(IdleWhileAnswering.class);
    static final String NAME = "augur-idle-while-answering";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            watch(ctx);
            ctx.next();
        });
    }

    /** Puts the handler into the connection of {@code ctx} (once per connection). Runs on its event loop. */
    private static void watch(RoutingContext ctx) {
        if (!(ctx.request().connection() instanceof ConnectionBase connection)) {
            return;
        }
        ChannelPipeline pipeline = connection.channel().pipeline();
        if (pipeline.get(NAME) != null) {
            return;
        }
        if (pipeline.get("handler") == null) {
            LOG.debug("no Vert.x handler in the pipeline (HTTP/2?); the idle timeout applies while answering");
            return;
        }
        Handler handler = new Handler();
        // this request's head has already passed: it is answering once its body has arrived
        handler.answered = ctx.response().ended();
        handler.answering = ctx.request().isEnded() && !handler.answered;
        pipeline.addBefore("handler", NAME, handler);
    }

    /** The connection's state, kept from the messages that pass; one per connection, on its event loop. */
    static final class Handler extends ChannelDuplexHandler {

        /** A request has fully arrived and its response is not complete. */
        private boolean answering;
        /** The current request's response is complete (it may be, before the request's body has all arrived). */
        private boolean answered;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                answering = false;
                answered = false;
            }
            if (msg instanceof LastHttpContent) {
                // the request is complete (a FullHttpRequest is its own last content); answered early (a 401 or
                // 413 before the body was read), there is nothing more to wait for
                answering = !answered;
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof LastHttpContent && !informational(msg)) {
                answering = false; // the response's last part is written: from here the connection can be idle
                answered = true;
            }
            super.write(ctx, msg, promise);
        }

        /** A 1xx interim response (100 Continue) is not the answer. */
        private static boolean informational(Object msg) {
            return msg instanceof HttpResponse r && r.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent && answering) {
                return; // the server is working on the answer: not idle
            }
            super.userEventTriggered(ctx, evt);
        }

        /** For tests: whether the connection is answering a complete request. */
        boolean answering() {
            return answering;
        }
    }
}
