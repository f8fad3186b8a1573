package org.hotline81890.gateway.channel.agi;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Intake;
import org.hotline81890.gateway.workorder.IntakeRequest;
import org.hotline81890.gateway.workorder.IntakeResult;
import org.hotline81890.gateway.workorder.PhoneNumbers;
import org.hotline81890.gateway.workorder.WorkOrder;

/**
 * Outside opening hours: "press 1 and we call you back". A 1 becomes a work order (same uniqueid key as a normal
 * intake) that agents call back; its ticket is read out. HOTLINE_STATUS tells the dialplan to hang up.
 */
final class AfterHours {
    static final String CALLBACK_TEXT = "非工作时间来电，请求回电";
    private final Intake intake;

    AfterHours(Intake intake) {
        this.intake = intake;
    }

    void offerCallback(CallInfo call, AgiChannel ch) throws AgiException {
        ch.setVariable("HOTLINE_STATUS", "CLOSED");
        Keys keys = Keys.read(ch, Prompts.CLOSED_OFFER_CALLBACK, 6000, 1);
        if (!(keys instanceof Keys.Digits d) || !d.value().equals("1")) {
            return;
        }
        IntakeRequest request = IntakeRequest.of(call.intakeKey(), Channel.PHONE,
                PhoneNumbers.normalise(call.callerNumber()), CALLBACK_TEXT);
        WorkOrder order = switch (intake.receive(request)) {
            case IntakeResult.Accepted a -> a.workOrder();
            case IntakeResult.Duplicate dup -> dup.workOrder();
            case IntakeResult.Refused r -> throw new IllegalStateException("intake refused a callback: " + r.reason());
        };
        ch.setVariable("HOTLINE_TICKET", order.ticket().value());
        ch.setVariable("HOTLINE_WORKORDER", Long.toString(order.id().value()));
        ch.setVariable("HOTLINE_STATUS", "CALLBACK");
        ch.streamFile(Prompts.CALLBACK_RECORDED);
        ch.sayDigits(order.ticket().value());
    }
}
