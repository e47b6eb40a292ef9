namespace KinerjaBot.Icons;

/// <summary>
/// KinerjaBot's own icon: three rising gold bars on a white baseline with a white check mark — "kinerja naik,
/// sasaran tercapai". One drawing in a 96×96 symbol box, painted twice as the Teams package needs
/// (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons):
/// <list type="bullet">
/// <item><c>color.png</c> 192×192 on a solid Kemenkeu-blue square, the symbol inside the central 96×96 (48 px padding);</item>
/// <item><c>outline.png</c> 32×32, the same symbol filling the square, white (255,255,255) on fully transparent pixels.</item>
/// </list>
/// Edges are antialiased by 8×8 supersampling; the outline's antialiasing only changes alpha, never the colour.
/// </summary>
public static class IconPainter
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    /// <summary>Width and height of the symbol box the shapes are drawn in.</summary>
    public const double SymbolBox = 96;

    /// <summary>The colour icon's background, also the manifest's <c>accentColor</c> (#0B3C7D).</summary>
    public static readonly (byte R, byte G, byte B) Biru = (0x0B, 0x3C, 0x7D);

    public static readonly (byte R, byte G, byte B) Emas = (0xF2, 0xB7, 0x05);

    public static readonly (byte R, byte G, byte B) Putih = (0xFF, 0xFF, 0xFF);

    private const int Samples = 8;

    /// <summary>The symbol: later shapes cover earlier ones (coordinates in the 96×96 box, y down).</summary>
    private static readonly (Func<double, double, bool> Inside, (byte R, byte G, byte B) Colour)[] Symbol =
    [
        // Multiples of 3 land on whole pixels of the 32×32 outline (96 / 32 = 3): crisp bar edges there.
        (RoundedRect(9, 60, 30, 84, 3), Emas),
        (RoundedRect(39, 42, 60, 84, 3), Emas),
        (RoundedRect(69, 24, 90, 84, 3), Emas),
        (RoundedRect(3, 90, 93, 96, 3), Putih),
        (Polyline(4.5, (7.5, 28.5), (19.5, 40.5), (43.5, 13.5)), Putih),
    ];

    public static string AccentColor => $"#{Biru.R:X2}{Biru.G:X2}{Biru.B:X2}";

    /// <summary>192×192, opaque: the symbol in the central 96×96 of a blue square.</summary>
    public static RgbaImage Color()
    {
        var image = new RgbaImage(ColorSize, ColorSize);
        const double padding = (ColorSize - SymbolBox) / 2;
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                int r = 0, g = 0, b = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var px = x + ((sx + 0.5) / Samples) - padding;
                        var py = y + ((sy + 0.5) / Samples) - padding;
                        var c = ColourAt(px, py) ?? Biru;
                        r += c.R;
                        g += c.G;
                        b += c.B;
                    }
                }

                const int n = Samples * Samples;
                image[x, y] = (Average(r, n), Average(g, n), Average(b, n), 255);
            }
        }

        return image;
    }

    /// <summary>32×32: white where the symbol is, transparent elsewhere; edge pixels are white with partial alpha.</summary>
    public static RgbaImage Outline()
    {
        var image = new RgbaImage(OutlineSize, OutlineSize);
        const double scale = SymbolBox / OutlineSize;
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var covered = 0;
                for (var sy = 0; sy < Samples; sy++)
                {
                    for (var sx = 0; sx < Samples; sx++)
                    {
                        var px = (x + ((sx + 0.5) / Samples)) * scale;
                        var py = (y + ((sy + 0.5) / Samples)) * scale;
                        covered += ColourAt(px, py) is null ? 0 : 1;
                    }
                }

                image[x, y] = (255, 255, 255, Average(covered * 255, Samples * Samples));
            }
        }

        return image;
    }

    private static (byte R, byte G, byte B)? ColourAt(double x, double y)
    {
        (byte R, byte G, byte B)? colour = null;
        foreach (var (inside, c) in Symbol)
        {
            if (inside(x, y))
            {
                colour = c;
            }
        }

        return colour;
    }

    private static byte Average(int sum, int count) => (byte)Math.Round((double)sum / count, MidpointRounding.AwayFromZero);

    private static Func<double, double, bool> RoundedRect(double x0, double y0, double x1, double y1, double radius) => (x, y) =>
    {
        if (x < x0 || x > x1 || y < y0 || y > y1)
        {
            return false;
        }

        // Inside the rectangle: only the four corner squares need the distance to their circle's centre.
        var cx = Math.Clamp(x, x0 + radius, x1 - radius);
        var cy = Math.Clamp(y, y0 + radius, y1 - radius);
        var dx = x - cx;
        var dy = y - cy;
        return (dx * dx) + (dy * dy) <= radius * radius;
    };

    /// <summary>A stroke of the given half width through the points, with round joins and caps.</summary>
    private static Func<double, double, bool> Polyline(double halfWidth, params (double X, double Y)[] points) => (x, y) =>
    {
        for (var i = 0; i + 1 < points.Length; i++)
        {
            if (DistanceToSegment(x, y, points[i], points[i + 1]) <= halfWidth)
            {
                return true;
            }
        }

        return false;
    };

    private static double DistanceToSegment(double x, double y, (double X, double Y) a, (double X, double Y) b)
    {
        var abx = b.X - a.X;
        var aby = b.Y - a.Y;
        var t = Math.Clamp((((x - a.X) * abx) + ((y - a.Y) * aby)) / ((abx * abx) + (aby * aby)), 0, 1);
        var dx = x - (a.X + (t * abx));
        var dy = y - (a.Y + (t * aby));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
