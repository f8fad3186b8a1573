package org.hotline81890.gateway.storage.mysql;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.hotline81890.gateway.voice.OneKeyTerminal;
import org.hotline81890.gateway.voice.TerminalRegistry;
import org.hotline81890.gateway.workorder.PhoneNumbers;

/** One-key terminals in table {@code one_key_terminal} (V3). */
public final class MySqlTerminalRegistry implements TerminalRegistry {
    private final Transactions tx;
    private final Clock clock;

    public MySqlTerminalRegistry(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Optional<OneKeyTerminal> find(String callerNumber) {
        String number = PhoneNumbers.normalise(callerNumber);
        return tx.read(c -> Sql.first(c, "SELECT number, resident_name, profile, address, contacts"
                + " FROM one_key_terminal WHERE number = ? AND active", ps -> ps.setString(1, number),
                rs -> new OneKeyTerminal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))));
    }

    @Override
    public void upsert(List<OneKeyTerminal> terminals) {
        if (terminals.isEmpty()) {
            return;
        }
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO one_key_terminal (number, resident_name,"
                    + " profile, address, contacts, active, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)"
                    + " ON DUPLICATE KEY UPDATE resident_name = VALUES(resident_name), profile = VALUES(profile),"
                    + " address = VALUES(address), contacts = VALUES(contacts), active = TRUE,"
                    + " updated_at = VALUES(updated_at)")) {
                for (OneKeyTerminal t : terminals) {
                    ps.setString(1, t.number());
                    ps.setString(2, t.residentName());
                    ps.setString(3, t.profile());
                    ps.setString(4, t.address());
                    ps.setString(5, t.contacts());
                    Sql.setInstant(ps, 6, clock.instant());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
