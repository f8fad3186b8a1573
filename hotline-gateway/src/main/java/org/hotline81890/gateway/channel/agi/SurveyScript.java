package org.hotline81890.gateway.channel.agi;

import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.gateway.workorder.Channel;
import org.hotline81890.gateway.workorder.Survey;
import org.hotline81890.partners.kpi.SurveyAnswer;
import org.hotline81890.gateway.workorder.TicketNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agi://HOST/survey,TICKET,RESIDENT}: the satisfaction question of a callback (1 satisfied, 2 basically
 * satisfied, 3 unsatisfied). Satisfied closes the order, unsatisfied reopens it for dispatch ({@link Survey}). No
 * answer after two tries, or a hang-up, records nothing: the survey deadline closes it as "no reply".
 * HOTLINE_SURVEY tells the dialplan what happened (RECORDED, NOT_ASKED, UNKNOWN, NO_ANSWER).
 */
public final class SurveyScript extends VoiceScript {
    private static final Logger LOG = LoggerFactory.getLogger(SurveyScript.class);
    private static final int TRIES = 2;
    private final Survey survey;

    public SurveyScript(Survey survey) {
        this.survey = survey;
    }

    @Override
    protected String name() {
        return "survey";
    }

    @Override
    protected void run(CallInfo call, AgiChannel ch) throws AgiException {
        Optional<TicketNumber> ticket = call.arg(1).filter(TicketNumber::isValid).map(TicketNumber::of);
        String resident = call.arg(2).orElse(call.callerNumber());
        ch.answer();
        for (int i = 0; i < TRIES; i++) {
            Keys keys = Keys.read(ch, Prompts.SURVEY_QUESTION, 8000, 1);
            if (keys instanceof Keys.HungUp) {
                LOG.debug("survey: resident hung up without answering");
                return;
            }
            Optional<SurveyAnswer> answer = keys instanceof Keys.Digits d ? SurveyAnswer.ofDigit(d.value())
                    : Optional.empty();
            if (answer.isPresent()) {
                record(ch, survey.answer(ticket, resident, answer.get(), Channel.PHONE));
                return;
            }
        }
        ch.setVariable("HOTLINE_SURVEY", "NO_ANSWER");
        Playback.play(ch, Prompts.GOODBYE);
    }

    private static void record(AgiChannel ch, Survey.Result result) throws AgiException {
        String outcome = switch (result) {
            case Survey.Result.Recorded r -> "RECORDED";
            case Survey.Result.NotAsked n -> "NOT_ASKED";
            case Survey.Result.Unknown u -> "UNKNOWN";
        };
        ch.setVariable("HOTLINE_SURVEY", outcome);
        Playback.play(ch, Prompts.THANK_YOU);
    }
}
