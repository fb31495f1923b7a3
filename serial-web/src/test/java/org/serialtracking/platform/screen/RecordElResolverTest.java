package org.serialtracking.platform.screen;

import jakarta.el.ELContext;
import jakarta.el.PropertyNotWritableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordElResolverTest {

    record Line(String sku, int quantity) {
    }

    private final RecordElResolver resolver = new RecordElResolver();

    @Test
    void readsARecordsComponentsAsProperties() {
        ELContext context = context();
        assertThat(resolver.getValue(context, new Line("P-1", 3), "quantity")).isEqualTo(3);
        assertThat(context.isPropertyResolved()).isTrue();
    }

    @Test
    void leavesEverythingElseToTheOtherResolvers() {
        ELContext context = context();
        assertThat(resolver.getValue(context, new Line("P-1", 3), "price")).isNull();
        assertThat(resolver.getValue(context, "not a record", "length")).isNull();
        assertThat(context.isPropertyResolved()).isFalse();
    }

    @Test
    void recordsAreReadOnly() {
        ELContext context = context();
        assertThat(resolver.isReadOnly(context, new Line("P-1", 3), "sku")).isTrue();
        assertThatThrownBy(() -> resolver.setValue(context(), new Line("P-1", 3), "sku", "X"))
                .isInstanceOf(PropertyNotWritableException.class);
    }

    private static ELContext context() {
        return new ELContext() {
            @Override
            public jakarta.el.ELResolver getELResolver() {
                return null;
            }

            @Override
            public jakarta.el.FunctionMapper getFunctionMapper() {
                return null;
            }

            @Override
            public jakarta.el.VariableMapper getVariableMapper() {
                return null;
            }
        };
    }
}
