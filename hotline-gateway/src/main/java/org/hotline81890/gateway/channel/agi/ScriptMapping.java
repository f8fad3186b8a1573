package org.hotline81890.gateway.channel.agi;

import java.util.Map;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code agi://HOST/intake}, {@code /status}, {@code /survey} to their scripts. Any other name (or none, as a
 * readiness probe sends) gets a script that does nothing, so the dialplan carries on with its fallback.
 */
public final class ScriptMapping implements MappingStrategy {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptMapping.class);
    private static final AgiScript NOTHING = (request, channel) -> LOG.debug("no FastAGI script named '{}'",
            request.getScript());
    private final Map<String, AgiScript> scripts;

    public ScriptMapping(Map<String, AgiScript> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        return scripts.getOrDefault(nameOf(request.getScript()), NOTHING);
    }

    /** {@code /intake?lang=zh} and {@code intake} are both "intake". */
    static String nameOf(String script) {
        if (script == null) {
            return "";
        }
        String s = script.startsWith("/") ? script.substring(1) : script;
        int q = s.indexOf('?');
        return (q >= 0 ? s.substring(0, q) : s).strip();
    }
}
