package org.hotline81890.gateway.channel.ami;

import java.util.Optional;
import java.util.UUID;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.hotline81890.gateway.channel.http.BadRequestException;
import org.hotline81890.gateway.channel.http.Blocking;
import org.hotline81890.gateway.channel.http.HttpErrors;
import org.hotline81890.gateway.channel.http.JsonBody;
import org.hotline81890.gateway.channel.http.TextFields;
import org.hotline81890.gateway.voice.OriginateRequest;

/**
 * {@code POST /api/admin/click-to-call} with {@code {"agent":"1001","number":"13800001111","ticket":"..."}}
 * (ticket optional): rings the agent's phone (ami.agent-channel with the extension) through an AMI Originate into
 * ami.click-to-call-context, which dials the resident. Answered only when the agent's channel goes Up (from the
 * channel events, as for survey callbacks): 200 with the channel's uniqueid. 400 names the bad field; 501 when
 * AMI is disabled on this node (retrying cannot help); 503 with Retry-After while AMI is not logged in; 502 when
 * Asterisk refused or the phone hung up; 504 when it did not come up within ami.originate-timeout. Behind the admin
 * token, like every {@code /api/admin/*} route.
 */
public final class ClickToCallRoutes {
    private final Optional<Originator> originator;
    private final Blocking blocking;
    private final String agentChannel;
    private final int maxBody;

    private ClickToCallRoutes(Optional<Originator> originator, Blocking blocking, String agentChannel, int maxBody) {
        this.maxBody = maxBody;
        this.originator = originator;
        this.blocking = blocking;
        this.agentChannel = agentChannel;
    }

    /** The route for this node: with the AMI originator when AMI is enabled, else one that answers 501. */
    public static ClickToCallRoutes of(Optional<Originator> originator, Blocking blocking, String agentChannel,
                                       int maxBody) {
        return new ClickToCallRoutes(originator, blocking, agentChannel, maxBody);
    }

    public void mount(Router router) {
        JsonBody.accept(router, "/api/admin/click-to-call", maxBody).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        OriginateRequest request;
        try {
            request = parse(JsonBody.of(ctx), agentChannel);
        } catch (BadRequestException e) {
            HttpErrors.fail(ctx, e);
            return;
        }
        if (originator.isEmpty()) {
            HttpErrors.send(ctx, 501, new JsonObject().put("error", "click-to-call not available")
                    .put("message", "AMI is not enabled on this node (ami.enabled: false); retrying will not help"));
            return;
        }
        Originator o = originator.get();
        if (!o.isConnected()) {
            unavailable(ctx, "AMI is not connected to Asterisk; try again shortly");
            return;
        }
        String actionId = "hotline-c2c-" + UUID.randomUUID();
        blocking.run(() -> o.originate(request, actionId)).onComplete(ar -> {
            if (ar.failed()) {
                HttpErrors.fail(ctx, ar.cause());
                return;
            }
            JsonObject body = new JsonObject().put("actionId", actionId)
                    .put("agentChannel", request.agent().orElseThrow());
            switch (ar.result()) {
                case Originator.Result.Answered a ->
                        HttpErrors.send(ctx, 200, body.put("state", "answered").put("uniqueId", a.uniqueId()));
                case Originator.Result.NotConnected n ->
                        unavailable(ctx, "AMI connection lost before the call was placed; try again shortly");
                case Originator.Result.Refused r -> HttpErrors.send(ctx, 502, body.put("state", "refused")
                        .put("error", "Asterisk refused the originate: " + r.message()));
                case Originator.Result.Failed f -> HttpErrors.send(ctx, 502, body.put("state", "failed")
                        .put("error", "the agent's phone was not answered: " + f.reason()));
                case Originator.Result.TimedOut t -> HttpErrors.send(ctx, 504, body.put("state", "timeout")
                        .put("error", "the agent's phone did not come up within " + t.waited().toSeconds() + " s"));
            }
        });
    }

    private static void unavailable(RoutingContext ctx, String message) {
        ctx.response().putHeader("Retry-After", "5");
        HttpErrors.send(ctx, 503, new JsonObject().put("error", "AMI unavailable").put("message", message));
    }

    /** The body as a click-to-call originate; {@link BadRequestException} naming the field when it cannot be. */
    static OriginateRequest parse(Optional<JsonObject> body, String agentChannel) {
        JsonObject j = body.orElseThrow(() -> new BadRequestException("body",
                "expected a JSON object {\"agent\":\"1001\",\"number\":\"...\"}"));
        String agent = text(j, "agent");
        if (!agent.matches("[0-9]{2,8}")) {
            throw new BadRequestException("agent", "agent must be the agent's extension, 2 to 8 digits (e.g. 1001)"
                    + (agent.isEmpty() ? "; it is missing" : "; got '" + agent + "'"));
        }
        String given = text(j, "number");
        String number = given.replace(" ", "").replace("-", "");
        if (!number.matches("\\+?[0-9]{3,31}")) {
            throw new BadRequestException("number", "number must be the resident's phone number, 3 to 31 digits "
                    + "with an optional leading +" + (given.isEmpty() ? "; it is missing" : "; got '" + given + "'"));
        }
        Optional<String> ticket = Optional.of(text(j, "ticket")).filter(t -> !t.isEmpty());
        if (ticket.isPresent() && !ticket.get().matches("[0-9]{9}")) {
            throw new BadRequestException("ticket", "ticket, when given, must be the 9-digit ticket number");
        }
        return new OriginateRequest(OriginateRequest.Purpose.CLICK_TO_CALL, number, ticket,
                Optional.of(agentChannel.replace("{extension}", agent)));
    }

    private static String text(JsonObject j, String field) {
        return TextFields.optional(j, field, 64).orElse("");
    }
}
