package org.serialtracking.label.control;

import com.lowagie.text.pdf.BaseFont;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Text on a label: what Helvetica cannot show, and what is too wide. */
class LabelTextTest {

    private static BaseFont helvetica() throws IOException {
        return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    }

    @Test
    void replacesWhatHelveticaLacksOneMarkACharacter() throws IOException {
        BaseFont f = helvetica();

        assertThat(LabelText.printable("Ünïcødé-ß €1", f)).isEqualTo("Ünïcødé-ß €1");
        assertThat(LabelText.printable("序列号-42/Ω", f)).isEqualTo("???-42/?");
        assertThat(LabelText.printable("\uD83D\uDE00-7", f)).isEqualTo("?-7");
    }

    @Test
    void keepsTheSizeWhenTheTextFits() throws IOException {
        BaseFont f = helvetica();

        assertThat(LabelText.fit("SN-1", f, 10, 5, 100, true)).isEqualTo(new LabelText.Line("SN-1", 10));
    }

    @Test
    void shrinksTextThatIsTooWideToTheSizeThatFits() throws IOException {
        BaseFont f = helvetica();
        float width = f.getWidthPoint("ABCDEFGH", 10) * 0.8f;

        LabelText.Line line = LabelText.fit("ABCDEFGH", f, 10, 5, width, true);

        assertThat(line.text()).isEqualTo("ABCDEFGH");
        assertThat(line.size()).isLessThan(10);
        assertThat(f.getWidthPoint(line.text(), line.size())).isLessThanOrEqualTo(width);
    }

    @Test
    void shortensASerialInTheMiddleKeepingItsStartAndItsEnd() throws IOException {
        BaseFont f = helvetica();
        String serial = "PREFIX-" + "0".repeat(80) + "-4711";

        LabelText.Line line = LabelText.fit(serial, f, 10, 8, 100, true);

        assertThat(line.size()).isEqualTo(8);
        assertThat(line.text()).startsWith("PREFIX-").endsWith("-4711").contains("\u2026");
        assertThat(f.getWidthPoint(line.text(), line.size())).isLessThanOrEqualTo(100);
    }

    @Test
    void shortensOtherTextAtTheEndAndKeepsAnExpiryWhole() throws IOException {
        BaseFont f = helvetica();

        LabelText.Line name = LabelText.fit("A very long item name indeed", f, 8, 8, 60, false);
        LabelText.Line lot = LabelText.fitKeepingTail("Lot ABCDEFGHIJ0123456789", "   Exp 2027-01-05", f, 8, 8, 110);

        assertThat(name.text()).startsWith("A very").endsWith("\u2026");
        assertThat(f.getWidthPoint(name.text(), 8)).isLessThanOrEqualTo(60);
        assertThat(lot.text()).startsWith("Lot ").contains("\u2026").endsWith("   Exp 2027-01-05");
        assertThat(f.getWidthPoint(lot.text(), 8)).isLessThanOrEqualTo(110);
    }
}
