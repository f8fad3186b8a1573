package org.hotline81890.gateway.channel.ami;

import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline81890.gateway.voice.QueueMembership;

/**
 * Queue membership through AMI: QueueAdd (paused), QueueRemove, QueuePause with its Reason. app_queue's answers for an
 * interface that is no member (QueuePause "Interface not found", QueueRemove "Unable to remove interface: Not there",
 * as captured in ami-errors.txt and the simulator) become {@link NotMember}.
 */
public final class AmiQueueMembership implements QueueMembership {
    static final String PAUSE_NOT_MEMBER = "Interface not found";
    static final String REMOVE_NOT_MEMBER = "Unable to remove interface: Not there";
    private static final long TIMEOUT_MS = 5000;
    private final AmiConnector ami;
    private final String queue;

    public AmiQueueMembership(AmiConnector ami, String queue) {
        this.ami = ami;
        this.queue = queue;
    }

    @Override
    public void signIn(String iface, String memberName) {
        QueueAddAction add = new QueueAddAction(queue, iface);
        add.setMemberName(memberName);
        add.setPaused(true);
        send(add);
    }

    @Override
    public void signOut(String iface) {
        send(new QueueRemoveAction(queue, iface));
    }

    @Override
    public void pause(String iface, boolean paused, String reason) {
        QueuePauseAction pause = new QueuePauseAction(iface, queue, paused);
        if (!reason.isEmpty()) {
            pause.setReason(reason);
        }
        send(pause);
    }

    private void send(ManagerAction action) {
        if (!ami.isConnected()) {
            throw new Refused("AMI not connected");
        }
        try {
            ManagerResponse r = ami.connection().sendAction(action, TIMEOUT_MS);
            if (r == null) {
                throw new Refused("no answer");
            }
            if (r instanceof ManagerError) {
                throw PAUSE_NOT_MEMBER.equals(r.getMessage()) || REMOVE_NOT_MEMBER.equals(r.getMessage())
                        ? new NotMember(r.getMessage()) : new Refused(r.getMessage());
            }
        } catch (java.io.IOException | org.asteriskjava.manager.TimeoutException e) {
            throw new Refused(e.getMessage());
        }
    }
}
