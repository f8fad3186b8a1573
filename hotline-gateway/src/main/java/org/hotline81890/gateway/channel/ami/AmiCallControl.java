package org.hotline81890.gateway.channel.ami;

import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline81890.gateway.voice.CallControl;
import org.hotline81890.gateway.voice.QueueMembership;

/**
 * The desk's call controls as AMI actions: Hangup, BlindTransfer, Atxfer, PlayDTMF, and for a three-way call a
 * dual Redirect of caller and agent into a ConfBridge room followed by an Originate of the third party into it.
 */
public final class AmiCallControl implements CallControl {
    private static final long TIMEOUT_MS = 5000;
    private final AmiConnector ami;

    public AmiCallControl(AmiConnector ami) {
        this.ami = ami;
    }

    @Override
    public void hangUp(String channel) {
        send(new HangupAction(channel, 16));
    }

    @Override
    public void blindTransfer(String channel, String context, String exten) {
        send(new BlindTransferAction(channel, context, exten));
    }

    @Override
    public void attendedTransfer(String channel, String context, String exten) {
        AtxferAction a = new AtxferAction();
        a.setChannel(channel);
        a.setContext(context);
        a.setExten(exten);
        send(a);
    }

    @Override
    public void threeWay(String callerChannel, String agentChannel, String conferenceContext, String room,
                         String dialContext, String exten) {
        send(new RedirectAction(callerChannel, agentChannel, conferenceContext, room, 1, conferenceContext, room, 1));
        OriginateAction third = new OriginateAction();
        third.setChannel("Local/" + exten + "@" + dialContext);
        third.setContext(conferenceContext);
        third.setExten(room);
        third.setPriority(1);
        third.setCallerId("81890");
        third.setAsync(true);
        send(third);
    }

    @Override
    public void playDtmf(String channel, char digit) {
        PlayDtmfAction a = new PlayDtmfAction(channel, String.valueOf(digit));
        a.setDuration(250);
        send(a);
    }

    private void send(ManagerAction action) {
        if (!ami.isConnected()) {
            throw new QueueMembership.Refused("AMI not connected");
        }
        try {
            ManagerResponse r = ami.connection().sendAction(action, TIMEOUT_MS);
            if (r instanceof ManagerError || r == null) {
                throw new QueueMembership.Refused(r == null ? "no answer" : r.getMessage());
            }
        } catch (java.io.IOException | org.asteriskjava.manager.TimeoutException e) {
            throw new QueueMembership.Refused(e.getMessage());
        }
    }
}
