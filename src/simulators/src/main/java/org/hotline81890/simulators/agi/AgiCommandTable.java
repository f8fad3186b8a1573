package org.hotline81890.simulators.agi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The res_agi commands the simulator knows: their words, whether they run on a dead channel (res_agi's
 * {@code dead} flag), the argument counts outside of which Asterisk answers 520, and the usage text of that 520.
 * Only the SAY DIGITS usage text is verified against a capture; the others follow the Asterisk 22 XML docs.
 */
final class AgiCommandTable {

    record Command(String verb, boolean deadOk, int minArgs, int maxArgs, String usage) {
        int words() {
            return verb.split(" ").length;
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("ANSWER", false, 1, 1, "Answers channel if not already in answer state. Returns "
                    + "<literal>-1</literal> on channel failure, or <literal>0</literal> if successful."),
            new Command("CHANNEL STATUS", false, 2, 3, "Returns the status of the specified <replaceable>channelname"
                    + "</replaceable>. If no channel name is given then returns the status of the current channel."),
            new Command("CONTROL STREAM FILE", false, 5, 10, "Send the given file, allowing playback to be "
                    + "controlled by the given digits, if any."),
            new Command("DATABASE DEL", true, 4, 4, "Deletes an entry in the Asterisk database for a given "
                    + "<replaceable>family</replaceable> and <replaceable>key</replaceable>."),
            new Command("DATABASE GET", true, 4, 4, "Retrieves an entry in the Asterisk database for a given "
                    + "<replaceable>family</replaceable> and <replaceable>key</replaceable>."),
            new Command("DATABASE PUT", true, 5, 5, "Adds or updates an entry in the Asterisk database for a given "
                    + "<replaceable>family</replaceable>, <replaceable>key</replaceable>, and "
                    + "<replaceable>value</replaceable>."),
            new Command("EXEC", true, 2, Integer.MAX_VALUE, "Executes <replaceable>application</replaceable> with "
                    + "given <replaceable>options</replaceable>."),
            new Command("GET DATA", false, 3, 5, "Stream the given <replaceable>file</replaceable>, and receive "
                    + "DTMF data."),
            new Command("GET FULL VARIABLE", true, 4, 5, "Evaluates the given <replaceable>expression</replaceable> "
                    + "against the channel specified by <replaceable>channelname</replaceable>, or the current "
                    + "channel if <replaceable>channelname</replaceable> is not provided."),
            new Command("GET VARIABLE", true, 3, 3, "Returns <literal>0</literal> if <replaceable>variablename"
                    + "</replaceable> is not set. Returns <literal>1</literal> if <replaceable>variablename"
                    + "</replaceable> is set and returns the variable in parentheses."),
            new Command("HANGUP", false, 1, 2, "Hangs up the specified channel. If no channel name is given, hangs "
                    + "up the current channel"),
            new Command("NOOP", true, 1, Integer.MAX_VALUE, "Does nothing."),
            new Command("RECORD FILE", false, 6, 9, "Record to a file until a given dtmf digit in the sequence is "
                    + "received. Returns <literal>-1</literal> on hangup or error."),
            new Command("SAY ALPHA", false, 4, 4, "Say a given character string, returning early if any of the "
                    + "given DTMF digits are received on the channel."),
            new Command("SAY DIGITS", false, 4, 4, "Say a given digit string, returning early if any of the given "
                    + "DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes "
                    + "without a digit being pressed, or the ASCII numerical value of the digit if one was pressed "
                    + "or <literal>-1</literal> on error/hangup."),
            new Command("SAY NUMBER", false, 4, 5, "Say a given number, returning early if any of the given DTMF "
                    + "digits are received on the channel."),
            new Command("SET CALLERID", false, 3, 3, "Changes the callerid of the current channel."),
            new Command("SET CONTEXT", false, 3, 3, "Sets the context for continuation upon exiting the "
                    + "application."),
            new Command("SET EXTENSION", false, 3, 3, "Changes the extension for continuation upon exiting the "
                    + "application."),
            new Command("SET MUSIC", false, 3, 4, "Enables/Disables the music on hold generator."),
            new Command("SET PRIORITY", false, 3, 3, "Changes the priority for continuation upon exiting the "
                    + "application. The priority must be a valid priority or label."),
            new Command("SET VARIABLE", true, 4, 4, "Sets a variable to the current channel."),
            new Command("STREAM FILE", false, 4, 5, "Send the given file, allowing playback to be interrupted by "
                    + "the given digits, if any."),
            new Command("VERBOSE", true, 2, 3, "Sends <replaceable>message</replaceable> to the console via "
                    + "verbose message system."),
            new Command("WAIT FOR DIGIT", false, 4, 4, "Waits up to <replaceable>timeout</replaceable> "
                    + "milliseconds for channel to receive a DTMF digit."));

    private AgiCommandTable() {
    }

    /** The known command whose words start the argument list (case-insensitive), longest first. */
    static Optional<Command> find(List<String> args) {
        Command best = null;
        for (Command c : COMMANDS) {
            String[] words = c.verb().split(" ");
            if (words.length > args.size() || (best != null && best.words() >= words.length)) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < words.length && match; i++) {
                match = words[i].equalsIgnoreCase(args.get(i));
            }
            if (match) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }

    static String verbOf(String commandLine) {
        List<String> args = AgiArgs.parse(commandLine);
        return find(args).map(Command::verb)
                .orElse(args.isEmpty() ? "" : args.getFirst().toUpperCase(Locale.ROOT));
    }
}
