/**
 * The HTTP edge: the socket ({@link org.hotline81890.gateway.channel.http.HttpVerticle}), the one access table
 * ({@link org.hotline81890.gateway.channel.http.AccessPolicy}, checked by
 * {@link org.hotline81890.gateway.channel.http.AccessGate} before any route), the API routes and the one error
 * translator ({@link org.hotline81890.gateway.channel.http.HttpErrors}).
 *
 * <h2>A route that takes a body (ADR 0011)</h2>
 * The router has no body handler: a request's body is held unread until the route that takes it reads it, and a
 * route that takes none never decodes a byte. Add a body route with one call that names its content type:
 * <pre>{@code
 * // a page's form or htmx POST (application/x-www-form-urlencoded), fields read with getFormAttribute
 * FormBody.accept(router, "/agent/orders/:ticket/note").handler(this::handleNote);
 * // a machine API taking JSON, decoded strictly; the route reads JsonBody.of(ctx)
 * JsonBody.accept(router, "/api/admin/work-orders", maxBody).handler(this::handleCreate);
 * }</pre>
 * Both refuse another content type (415), a body over {@code http.max-body} (413) and bytes that are not UTF-8
 * (400) before the route's handler runs. Never mount {@code BodyHandler} on {@code router.route()}: a form sent to
 * any route would reach Vert.x's decoders (issue 16, M1). Changes by people need the session's CSRF token, which the
 * gate checks from the {@code X-CSRF-Token} header or the form's {@code _csrf} field (it reads the form itself when
 * the header is absent); a new route needs its line in {@code AccessPolicy}, which {@code AuthzMatrixIT} enforces.
 */
package org.hotline81890.gateway.channel.http;
