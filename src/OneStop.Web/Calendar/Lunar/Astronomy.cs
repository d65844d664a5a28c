namespace OneStop.Web.Calendar.Lunar;

/// <summary>
/// The two astronomical quantities the lunisolar calendar is built on: the moments of new moon and
/// the apparent longitude of the sun. Low-precision series (Meeus); the same ones the Vietnamese
/// calendar tables of 1900–2100 were computed with, so that a new moon minutes from midnight falls
/// on the same day here as in the published calendars (see docs/adr/0030).
/// </summary>
internal static class Astronomy
{
    /// <summary>Mean length of a lunation in days.</summary>
    public const double SynodicMonth = 29.530588853;

    /// <summary>Julian date of the mean new moon number 0 (1900-01-01, about 06:13 UT).</summary>
    public const double NewMoonEpoch = 2415021.076998695;

    private const double Degrees = Math.PI / 180;

    /// <summary>
    /// The moment (Julian date, Universal Time) of new moon number <paramref name="k"/> counted from
    /// <see cref="NewMoonEpoch"/>: the mean phase corrected by the main periodic terms of the sun's
    /// and moon's anomalies and the moon's argument of latitude.
    /// </summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from 1900 January 0.5
        var t2 = t * t;
        var t3 = t2 * t;

        var meanPhase = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3)
            + (0.00033 * SinDegrees(166.56 + (132.87 * t) - (0.009173 * t2)));
        var sunAnomaly = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var moonAnomaly = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var moonLatitude = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);

        var periodicTerms =
            ((0.1734 - (0.000393 * t)) * SinDegrees(sunAnomaly))
            + (0.0021 * SinDegrees(2 * sunAnomaly))
            - (0.4068 * SinDegrees(moonAnomaly))
            + (0.0161 * SinDegrees(2 * moonAnomaly))
            - (0.0004 * SinDegrees(3 * moonAnomaly))
            + (0.0104 * SinDegrees(2 * moonLatitude))
            - (0.0051 * SinDegrees(sunAnomaly + moonAnomaly))
            - (0.0074 * SinDegrees(sunAnomaly - moonAnomaly))
            + (0.0004 * SinDegrees((2 * moonLatitude) + sunAnomaly))
            - (0.0004 * SinDegrees((2 * moonLatitude) - sunAnomaly))
            - (0.0006 * SinDegrees((2 * moonLatitude) + moonAnomaly))
            + (0.0010 * SinDegrees((2 * moonLatitude) - moonAnomaly))
            + (0.0005 * SinDegrees((2 * moonAnomaly) + sunAnomaly));

        // The series gives Ephemeris Time; ΔT (in days) brings it back to Universal Time.
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);

        return meanPhase + periodicTerms - deltaT;
    }

    /// <summary>
    /// The sun's apparent longitude in degrees [0, 360) at a Julian date (Universal Time): the true
    /// longitude corrected for aberration and the main term of nutation, since the solar terms are
    /// defined on what is seen. The correction (about 0.006°, some 8 minutes of the sun's motion)
    /// decides the leap month in years like 1938, when the autumn equinox fell minutes before midnight.
    /// </summary>
    public static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525; // Julian centuries from J2000.0
        var t2 = t * t;
        var meanAnomaly = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var equationOfCentre =
            ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * SinDegrees(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * SinDegrees(2 * meanAnomaly))
            + (0.000290 * SinDegrees(3 * meanAnomaly));
        var ascendingNode = 125.04 - (1934.136 * t); // of the moon's orbit, which drives nutation
        var apparent = meanLongitude + equationOfCentre - 0.00569 - (0.00478 * SinDegrees(ascendingNode));
        var longitude = apparent % 360;
        return longitude < 0 ? longitude + 360 : longitude;
    }

    private static double SinDegrees(double degrees) => Math.Sin(degrees * Degrees);
}
