package org.hotline81890.gateway.channel.web;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.AccessGate;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the Thymeleaf templates under {@code web/templates} (cached; rendering is CPU only, so it runs where the
 * route answers). Every page gets the signed-in person and the session's CSRF token for its forms and htmx.
 */
public final class Pages {
    private static final Labels LABELS = new Labels();
    private final TemplateEngine engine = new TemplateEngine();

    public Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    public String render(String template, Map<String, ?> variables) {
        return engine.process(template, context(variables));
    }

    /** One fragment ({@code th:fragment}) of a template, for htmx swaps and SSE. */
    public String renderFragment(String template, String fragment, Map<String, ?> variables) {
        return engine.process(template, Set.of(fragment), context(variables));
    }

    /** Sends one fragment to the person of this request (an htmx swap). */
    public void sendFragment(RoutingContext ctx, int status, String template, String fragment,
                             Map<String, ?> variables) {
        send(ctx, status, c -> engine.process(template, Set.of(fragment), c), variables);
    }

    /** Sends a page to the person of this request. */
    public void send(RoutingContext ctx, int status, String template, Map<String, ?> variables) {
        send(ctx, status, c -> engine.process(template, c), variables);
    }

    private void send(RoutingContext ctx, int status, Function<Context, String> renderer, Map<String, ?> variables) {
        Context context = context(variables);
        AccessGate.signedIn(ctx).ifPresent(s -> {
            context.setVariable("me", s.person());
            context.setVariable("csrf", s.csrfToken());
        });
        String html;
        try {
            html = renderer.apply(context);
        } catch (RuntimeException e) {
            ctx.fail(e);
            return;
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(html);
    }

    private static Context context(Map<String, ?> variables) {
        Context context = new Context();
        context.setVariable("labels", LABELS);
        variables.forEach(context::setVariable);
        return context;
    }
}
