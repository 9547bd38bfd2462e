package dev.uintr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class LatencyPlotTest {

    @Test
    void curve_isMonotone_inMicroseconds_andStopsWhereTheSamplesRunOut() {
        // 1000 samples support percentiles up to 3 nines; ramp 1..1000 ticks at 1 GHz = 0.001..1 µs.
        XYSeries s = LatencyPlot.curve(LatencyPlot.Series.of("pipe", Canned.ramp(1000), 1000, 1e9, false));
        assertEquals("pipe", s.getKey());
        assertEquals(0.0, s.getX(0).doubleValue(), 1e-9);
        assertTrue(s.getX(s.getItemCount() - 1).doubleValue() <= 3.0 + 1e-9);
        int atP50 = 0;   // the point nearest 0.3 nines = p49.9
        for (int i = 0; i < s.getItemCount(); i++) {
            if (Math.abs(s.getX(i).doubleValue() - 0.3) < Math.abs(s.getX(atP50).doubleValue() - 0.3)) {
                atP50 = i;
            }
        }
        assertEquals(0.5, s.getY(atP50).doubleValue(), 0.01);
        for (int i = 1; i < s.getItemCount(); i++) {
            assertTrue(s.getY(i).doubleValue() >= s.getY(i - 1).doubleValue(), "monotone at " + i);
        }
        assertEquals(1.0, s.getY(s.getItemCount() - 1).doubleValue(), 0.002);
    }
}
