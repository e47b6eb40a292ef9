namespace KinerjaBot.Icons;

/// <summary>8-bit RGBA pixels, row by row, top to bottom (the layout PNG scanlines use).</summary>
public sealed class RgbaImage
{
    public RgbaImage(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 4];
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]);
        }

        set
        {
            var i = ((y * Width) + x) * 4;
            (Pixels[i], Pixels[i + 1], Pixels[i + 2], Pixels[i + 3]) = value;
        }
    }
}
