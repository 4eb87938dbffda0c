package org.mrpilot.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.mrpilot.api.geometry.ImageSlice;
import org.mrpilot.api.geometry.SliceGroup;
import org.mrpilot.api.geometry.Vec3;
import org.mrpilot.planning.LandmarkSet;
import org.mrpilot.planning.Plan;
import org.mrpilot.planning.Plane;

/**
 * The plan as a person checks it: one localizer slice per scanner orientation (axial, coronal, sagittal; the one nearest
 * the AC-PC midpoint), with every planned slice drawn where it cuts that image and the outline of the stack's volume
 * in bold, the stacks parallel to the image as their field-of-view outline, the mid-sagittal plane's trace
 * (dashed) and the landmarks (filled when within {@value #NEAR_MM} mm of the image plane, hollow otherwise).
 */
final class PlanOverlay {
    static final int PANEL = 400;
    private static final int TITLE = 24, LEGEND = 44, GAP = 6;
    private static final double NEAR_MM = 10;
    /** Planned stacks within this angle of the image plane are drawn as outlines, not as cut lines. */
    private static final double PARALLEL = Math.cos(Math.toRadians(10));
    private static final Vec3[] ORIENTATION_AXES = {Vec3.S, Vec3.P, Vec3.L};
    private static final String[] ORIENTATION_NAMES = {"axial", "coronal", "sagittal"};
    private static final Color[] STACK_COLOURS = {new Color(255, 210, 0), new Color(0, 210, 255), new Color(255, 80, 255)};
    private static final Color MSP = new Color(60, 230, 90), AC = new Color(255, 60, 60), PC = new Color(255, 150, 0);

    private PlanOverlay() {
    }

    static void write(List<ImageSlice> localizer, Plan plan, Path png) throws IOException {
        if (!ImageIO.write(render(localizer, plan), "png", png.toFile())) throw new IOException("no PNG writer available");
    }

    static BufferedImage render(List<ImageSlice> localizer, Plan plan) {
        int width = 3 * PANEL + 4 * GAP, height = TITLE + PANEL + LEGEND;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        Vec3 midpoint = plan.landmarks().ac().plus(plan.landmarks().pc()).times(0.5);
        for (int o = 0; o < 3; o++) {
            int x0 = GAP + o * (PANEL + GAP);
            ImageSlice slice = nearest(localizer, ORIENTATION_AXES[o], midpoint);
            g.setColor(Color.WHITE);
            if (slice == null) {
                g.drawString("no " + ORIENTATION_NAMES[o] + " slice in the localizer", x0 + 10, TITLE + PANEL / 2);
                continue;
            }
            int index = localizer.indexOf(slice) + 1;
            double distance = Math.abs(midpoint.minus(slice.positionMm()).dot(slice.normal()));
            g.drawString(String.format(Locale.ROOT, "%s localizer, image %d (%.1f mm from AC-PC midpoint)", ORIENTATION_NAMES[o], index, distance), x0, TITLE - 7);
            new Panel(g.create(x0, TITLE, PANEL, PANEL), slice).draw(plan);
        }
        legend(g, plan, height - LEGEND);
        g.dispose();
        return image;
    }

    /** The slice of one scanner orientation (its normal's largest component on {@code axis}) whose plane is nearest {@code point}. */
    static ImageSlice nearest(List<ImageSlice> slices, Vec3 axis, Vec3 point) {
        ImageSlice best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (ImageSlice s : slices) {
            Vec3 n = s.normal();
            double along = Math.abs(n.dot(axis));
            if (along < Math.abs(n.x()) - 1e-9 || along < Math.abs(n.y()) - 1e-9 || along < Math.abs(n.z()) - 1e-9) continue;
            double d = Math.abs(point.minus(s.positionMm()).dot(n));
            if (d < bestDistance) {
                bestDistance = d;
                best = s;
            }
        }
        return best;
    }

    private static void legend(Graphics2D g, Plan plan, int y) {
        int x = GAP;
        for (int k = 0; k < plan.stacks().size() && k < STACK_COLOURS.length; k++) {
            SliceGroup s = plan.stacks().get(k);
            x = swatch(g, x, y + 16, STACK_COLOURS[k], String.format(Locale.ROOT, "%s stack (%d x %.0f mm)", s.name(), s.sliceCount(), s.thicknessMm()));
        }
        x = swatch(g, x, y + 16, MSP, "mid-sagittal plane");
        x = swatch(g, x, y + 16, AC, "AC");
        swatch(g, x, y + 16, PC, "PC");
        g.setColor(Color.LIGHT_GRAY);
        g.drawString(String.format(Locale.ROOT, "confidence %.2f; landmarks filled when within %.0f mm of the image plane, hollow when further",
                plan.confidence(), NEAR_MM), GAP, y + 36);
    }

    private static int swatch(Graphics2D g, int x, int y, Color colour, String label) {
        g.setColor(colour);
        g.fillRect(x, y - 10, 12, 12);
        g.setColor(Color.WHITE);
        g.drawString(label, x + 17, y);
        return x + 24 + g.getFontMetrics().stringWidth(label);
    }

    /** One localizer image scaled into a square panel, isotropic in mm, with patient points mapped onto it. */
    private static final class Panel {
        private final Graphics2D g;
        private final ImageSlice slice;
        private final double scale, offsetX, offsetY;

        Panel(java.awt.Graphics graphics, ImageSlice slice) {
            this.g = (Graphics2D) graphics;
            this.slice = slice;
            double widthMm = slice.columns() * slice.columnSpacingMm(), heightMm = slice.rows() * slice.rowSpacingMm();
            scale = PANEL / Math.max(widthMm, heightMm);
            offsetX = (PANEL - widthMm * scale) / 2;
            offsetY = (PANEL - heightMm * scale) / 2;
        }

        void draw(Plan plan) {
            image();
            g.clip(new Rectangle2D.Double(offsetX, offsetY, PANEL - 2 * offsetX, PANEL - 2 * offsetY));
            for (int k = 0; k < plan.stacks().size() && k < STACK_COLOURS.length; k++) stack(plan.stacks().get(k), STACK_COLOURS[k], k);
            trace(plan.midSagittal());
            List<Vec3> points = plan.landmarks().pointsMm();
            for (int j = 0; j < points.size(); j++) {
                Color c = j == LandmarkSet.AC ? AC : j == LandmarkSet.PC ? PC : MSP;
                landmark(points.get(j), c, j == LandmarkSet.AC ? "AC" : j == LandmarkSet.PC ? "PC" : "", j <= LandmarkSet.PC ? 5 : 3);
            }
        }

        /** Greys from the 1st to the 99.5th percentile, nearest-neighbour into the panel. */
        private void image() {
            float[] sorted = slice.pixels().clone();
            Arrays.sort(sorted);
            float lo = sorted[(int) (0.01 * (sorted.length - 1))], hi = sorted[(int) (0.995 * (sorted.length - 1))];
            float span = Math.max(hi - lo, 1e-6f);
            BufferedImage grey = new BufferedImage(PANEL, PANEL, BufferedImage.TYPE_INT_RGB);
            for (int py = 0; py < PANEL; py++) {
                for (int px = 0; px < PANEL; px++) {
                    int c = (int) Math.floor((px + 0.5 - offsetX) / scale / slice.columnSpacingMm());
                    int r = (int) Math.floor((py + 0.5 - offsetY) / scale / slice.rowSpacingMm());
                    if (c < 0 || r < 0 || c >= slice.columns() || r >= slice.rows()) continue;
                    int v = (int) Math.round(Math.min(1, Math.max(0, (slice.pixel(c, r) - lo) / span)) * 255);
                    grey.setRGB(px, py, v << 16 | v << 8 | v);
                }
            }
            g.drawImage(grey, 0, 0, null);
        }

        /** Panel position of a patient point projected onto the image plane. */
        private Point2D.Double toPanel(Vec3 p) {
            Vec3 d = p.minus(slice.positionMm());
            // pixel (c, r) is the centre of a pixel: shift by half a pixel onto the panel grid
            double c = d.dot(slice.rowDirection()) / slice.columnSpacingMm() + 0.5, r = d.dot(slice.columnDirection()) / slice.rowSpacingMm() + 0.5;
            return new Point2D.Double(offsetX + c * slice.columnSpacingMm() * scale, offsetY + r * slice.rowSpacingMm() * scale);
        }

        /** @param rank the stack's place in the plan: the labels go one under the other in the image's corner (the boxes overlap) */
        private void stack(SliceGroup group, Color colour, int rank) {
            g.setColor(colour);
            if (Math.abs(group.normal().dot(slice.normal())) > PARALLEL) {
                outline(group);
                return;
            }
            g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 80));
            g.setStroke(new BasicStroke(0.8f));
            for (int k = 0; k < group.sliceCount(); k++) {
                Line2D.Double cut = cut(new Plane(group.sliceCentreMm(k), group.normal()), group, group.sliceCentreMm(k));
                if (cut != null) g.draw(cut);
            }
            Path2D.Double box = section(group);
            if (box == null) return;
            g.setColor(colour);
            g.setStroke(new BasicStroke(2f));
            g.draw(box);
            g.drawString(group.name(), (float) offsetX + 6, (float) offsetY + 16 + 14 * rank);
        }

        /** Outline of the stack's volume (slab x field of view) where the image plane cuts it; null when it misses. */
        private Path2D.Double section(SliceGroup group) {
            double halfDepth = ((group.sliceCount() - 1) * group.sliceSpacingMm() + group.thicknessMm()) / 2;
            Vec3[] half = {group.readDirection().times(group.fovReadMm() / 2), group.phaseDirection().times(group.fovPhaseMm() / 2),
                    group.normal().times(halfDepth)};
            List<Point2D.Double> points = new ArrayList<>();
            for (int axis = 0; axis < 3; axis++) {
                // the four box edges along this axis: the other two half-vectors at every sign
                for (int signs = 0; signs < 4; signs++) {
                    Vec3 base = group.centreMm();
                    for (int other = 0, bit = 0; other < 3; other++) {
                        if (other == axis) continue;
                        base = base.plus(half[other].times((signs >> bit++ & 1) == 0 ? -1 : 1));
                    }
                    Vec3 a = base.minus(half[axis]), b = base.plus(half[axis]);
                    double da = a.minus(slice.positionMm()).dot(slice.normal()), db = b.minus(slice.positionMm()).dot(slice.normal());
                    if (da * db <= 0 && da != db) points.add(toPanel(a.plus(b.minus(a).times(da / (da - db)))));
                }
            }
            if (points.size() < 3) return null;
            double cx = points.stream().mapToDouble(q -> q.x).average().orElse(0), cy = points.stream().mapToDouble(q -> q.y).average().orElse(0);
            points.sort(Comparator.comparingDouble(q -> Math.atan2(q.y - cy, q.x - cx)));
            Path2D.Double polygon = new Path2D.Double();
            polygon.moveTo(points.get(0).x, points.get(0).y);
            for (Point2D.Double q : points.subList(1, points.size())) polygon.lineTo(q.x, q.y);
            polygon.closePath();
            return polygon;
        }

        /** The field of view of a stack lying in (nearly) the image plane. */
        private void outline(SliceGroup group) {
            Vec3 r = group.readDirection().times(group.fovReadMm() / 2), p = group.phaseDirection().times(group.fovPhaseMm() / 2);
            Vec3 c = group.centreMm();
            Point2D.Double[] corners = {toPanel(c.minus(r).minus(p)), toPanel(c.plus(r).minus(p)), toPanel(c.plus(r).plus(p)), toPanel(c.minus(r).plus(p))};
            g.setStroke(new BasicStroke(2f));
            for (int k = 0; k < 4; k++) g.draw(new Line2D.Double(corners[k], corners[(k + 1) % 4]));
            g.drawString(group.name() + " field of view", (float) corners[0].x + 4, (float) corners[0].y + 14);
        }

        private void trace(Plane msp) {
            if (Math.abs(msp.normal().dot(slice.normal())) > PARALLEL) return; // a plane in the image has no trace
            Line2D.Double line = cut(msp, null, null);
            if (line == null) return;
            g.setColor(MSP);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {9, 6}, 0));
            g.draw(line);
        }

        private void landmark(Vec3 p, Color colour, String label, int radius) {
            Point2D.Double q = toPanel(p);
            boolean near = Math.abs(p.minus(slice.positionMm()).dot(slice.normal())) <= NEAR_MM;
            g.setColor(colour);
            g.setStroke(new BasicStroke(1.5f));
            int x = (int) Math.round(q.x) - radius, y = (int) Math.round(q.y) - radius;
            if (near) g.fillOval(x, y, 2 * radius, 2 * radius);
            else g.drawOval(x, y, 2 * radius, 2 * radius);
            if (!label.isEmpty()) g.drawString(label, x + 2 * radius + 2, y);
        }

        /**
         * Where {@code plane} cuts the image: within the group's field of view around {@code centre} when a group is
         * given (the panel's clip cuts it to the image), else within the image; null when it misses.
         */
        private Line2D.Double cut(Plane plane, SliceGroup group, Vec3 centre) {
            Vec3 n1 = plane.normal(), n2 = slice.normal();
            Vec3 u = n1.cross(n2);
            double sin2 = u.dot(u);
            if (sin2 < 1e-9) return null;
            double d1 = n1.dot(plane.pointMm()), d2 = n2.dot(slice.positionMm()), c = n1.dot(n2);
            Vec3 x0 = n1.times((d1 - d2 * c) / sin2).plus(n2.times((d2 - d1 * c) / sin2));
            u = u.normalized();
            double[] t = {-1e6, 1e6};
            Vec3 rel = x0.minus(slice.positionMm());
            double halfC = 0.5 * slice.columnSpacingMm(), halfR = 0.5 * slice.rowSpacingMm();
            if (group == null) {
                clip(t, rel.dot(slice.rowDirection()), u.dot(slice.rowDirection()), -halfC, (slice.columns() - 0.5) * slice.columnSpacingMm());
                clip(t, rel.dot(slice.columnDirection()), u.dot(slice.columnDirection()), -halfR, (slice.rows() - 0.5) * slice.rowSpacingMm());
            } else {
                Vec3 fromCentre = x0.minus(centre);
                clip(t, fromCentre.dot(group.readDirection()), u.dot(group.readDirection()), -group.fovReadMm() / 2, group.fovReadMm() / 2);
                clip(t, fromCentre.dot(group.phaseDirection()), u.dot(group.phaseDirection()), -group.fovPhaseMm() / 2, group.fovPhaseMm() / 2);
            }
            if (!(t[0] < t[1])) return null;
            return new Line2D.Double(toPanel(x0.plus(u.times(t[0]))), toPanel(x0.plus(u.times(t[1]))));
        }

        /** Narrows [t0, t1] to where a + b t lies within [lo, hi]. */
        private static void clip(double[] t, double a, double b, double lo, double hi) {
            if (Math.abs(b) < 1e-12) {
                if (a < lo || a > hi) t[1] = t[0] - 1;
                return;
            }
            double ta = (lo - a) / b, tb = (hi - a) / b;
            t[0] = Math.max(t[0], Math.min(ta, tb));
            t[1] = Math.min(t[1], Math.max(ta, tb));
        }
    }
}
