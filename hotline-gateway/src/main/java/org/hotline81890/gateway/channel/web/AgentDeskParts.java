package org.hotline81890.gateway.channel.web;

import java.time.Duration;

import org.hotline81890.directory.AreaTree;
import org.hotline81890.directory.Directory;
import org.hotline81890.directory.match.Matcher;
import org.hotline81890.gateway.callback.CallbackCalls;
import org.hotline81890.gateway.desk.CallerProfiles;
import org.hotline81890.gateway.desk.Departments;
import org.hotline81890.gateway.desk.ReplyReview;
import org.hotline81890.gateway.desk.SmsReview;
import org.hotline81890.gateway.desk.TicketDesk;
import org.hotline81890.gateway.voice.AgentSeat;
import org.hotline81890.gateway.voice.CallControls;

/**
 * What the composition root hands the agent desk: the ticket form's use case and what it reads, the seat (state bar,
 * wrap-up), the call controls, the callback list, the callers' profiles for the screen pop and the SMS inbox
 * (unplaced texts and held replies).
 */
public record AgentDeskParts(TicketDesk tickets, Directory directory, Matcher matcher, AreaTree areas,
                             Departments departments, AgentSeat seat,
                             CallControls calls, CallbackCalls callbacks, CallerProfiles profiles,
                             SmsReview sms, ReplyReview replies, Duration wrapUpTime) {
}
