package org.hotline81890.gateway.channel.agi;

import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.hotline81890.directory.ivr.IvrMenu;
import org.hotline81890.directory.ivr.IvrNode;
import org.hotline81890.directory.ivr.IvrStep;

/**
 * The directory's DTMF menu (agi.menu, off by default): each page is a prompt ({@link Prompts#menu}), one key per
 * step. Returns the chosen service's code, or empty for "agent" (0), no key, or too many wrong keys: then the caller
 * simply goes to a person.
 */
public final class MenuStep {
    private static final int MAX_STEPS = 8;
    private final IvrMenu menu;

    public MenuStep(IvrMenu menu) {
        this.menu = menu;
    }

    Optional<String> choose(AgiChannel ch) throws AgiException {
        IvrNode at = menu.root();
        for (int step = 0; step < MAX_STEPS; step++) {
            Keys keys = Keys.read(ch, Prompts.menu(at), 6000, 1);
            if (!(keys instanceof Keys.Digits d)) {
                return Optional.empty();
            }
            switch (menu.press(at, d.value().charAt(0))) {
                case IvrStep.Chosen c -> {
                    return Optional.of(c.service().code());
                }
                case IvrStep.ToAgent t -> {
                    return Optional.empty();
                }
                case IvrStep.Menu m -> at = m.node();
                case IvrStep.Invalid i -> at = i.node();
            }
        }
        return Optional.empty();
    }
}
