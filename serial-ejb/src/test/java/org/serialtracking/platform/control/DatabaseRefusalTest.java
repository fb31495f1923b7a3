package org.serialtracking.platform.control;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;
import org.serialtracking.common.ErrorCode;
import org.serialtracking.common.RuleViolation;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseRefusalTest {

    @Test
    void aLedgerRuleIsFoundWhereverItSitsInTheCauseChainAndNamed() {
        SQLException refusal = new SQLException(
                "ERROR: serial_ledger: serial SN-1 has no history\n  Detail: Serial SN-1 has no history.", "23514");
        RuntimeException wrapped = new RuntimeException("flush failed", new IllegalStateException(refusal));

        assertThat(DatabaseRefusal.ledgerRule(wrapped)).hasValueSatisfying(v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.LEDGER_RULE);
            assertThat(v.getMessage()).contains("'serial_ledger'").contains("serial SN-1 has no history")
                    .doesNotContain("Detail");
        });
        assertThat(DatabaseRefusal.translate(refusal)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.code()).isEqualTo(ErrorCode.LEDGER_RULE));
    }

    @Test
    void otherRefusalsKeepTheirMeaning() {
        SQLException negative = new SQLException("ERROR: new row violates check constraint \"stock_not_negative\"", "23514");
        assertThat(DatabaseRefusal.ledgerRule(negative)).isEmpty();
        assertThat(((RuleViolation) DatabaseRefusal.translate(negative)).code()).isEqualTo(ErrorCode.INSUFFICIENT_STOCK);
        assertThat(((RuleViolation) DatabaseRefusal.translate(new SQLException("dup", "23505"))).code())
                .isEqualTo(ErrorCode.DUPLICATE_SERIAL);
        assertThat(DatabaseRefusal.translate(new SQLException("broken", "XX000"))).isInstanceOf(EJBException.class);
    }
}
