package org.paddlewheel.build;

import java.util.SplittableRandom;

/**
 * Random rotations uniform on SO(3) (Haar measure), from uniformly distributed unit quaternions
 * (Shoemake, "Uniform random rotations", Graphics Gems III, 124 (1992)). Matrices are row-major
 * 3x3 arrays acting on column vectors: v' = R v.
 */
public final class Rotations {
    private Rotations() {}

    /** A rotation matrix drawn uniformly from SO(3). */
    public static double[] uniform(SplittableRandom rng) {
        double u1 = rng.nextDouble(), u2 = rng.nextDouble(), u3 = rng.nextDouble();
        double s1 = Math.sqrt(1 - u1), s2 = Math.sqrt(u1);
        double w = s1 * Math.sin(2 * Math.PI * u2), x = s1 * Math.cos(2 * Math.PI * u2);
        double y = s2 * Math.sin(2 * Math.PI * u3), z = s2 * Math.cos(2 * Math.PI * u3);
        return fromQuaternion(w, x, y, z);
    }

    /** Rotation by {@code angleRad} about the unit axis (ax, ay, az). */
    public static double[] axisAngle(double ax, double ay, double az, double angleRad) {
        double n = Math.sqrt(ax * ax + ay * ay + az * az);
        double h = angleRad / 2, s = Math.sin(h) / n;
        return fromQuaternion(Math.cos(h), ax * s, ay * s, az * s);
    }

    /** Matrix of the unit quaternion w + xi + yj + zk. */
    public static double[] fromQuaternion(double w, double x, double y, double z) {
        return new double[] {
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y)};
    }

    /** R v as a new array. */
    public static double[] apply(double[] r, double[] v) {
        return new double[] {
            r[0] * v[0] + r[1] * v[1] + r[2] * v[2],
            r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
            r[6] * v[0] + r[7] * v[1] + r[8] * v[2]};
    }
}
