using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace KinerjaBot.Tests.Manifest;

/// <summary>
/// A PNG decoded by the tests themselves, independent of the icon generator's encoder: checks the signature, every
/// chunk's CRC, IHDR first and IEND last, inflates the IDAT data and undoes all five scanline filters (PNG spec §9).
/// Supports what Teams icons use: 8-bit truecolour with or without alpha, no interlace.
/// </summary>
internal sealed class PngFile
{
    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private PngFile(int width, int height, byte colourType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColourType = colourType;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>2 = RGB, 6 = RGBA.</summary>
    public byte ColourType { get; }

    /// <summary>Every pixel as R, G, B, A (A = 255 for RGB files).</summary>
    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (Rgba[i], Rgba[i + 1], Rgba[i + 2], Rgba[i + 3]);
        }
    }

    public IEnumerable<(int X, int Y, (byte R, byte G, byte B, byte A) P)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                yield return (x, y, this[x, y]);
            }
        }
    }

    public static PngFile Decode(byte[] png)
    {
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(png.AsSpan(0, 8).SequenceEqual(signature), "PNG signature");
        var chunks = new List<(string Type, byte[] Data)>();
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            Assert.True(Crc(typeAndData) == crc, $"CRC of chunk {type}");
            chunks.Add((type, typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        var ihdr = chunks[0].Data;
        var width = (int)BinaryPrimitives.ReadUInt32BigEndian(ihdr);
        var height = (int)BinaryPrimitives.ReadUInt32BigEndian(ihdr.AsSpan(4));
        var (bitDepth, colourType, interlace) = (ihdr[8], ihdr[9], ihdr[12]);
        Assert.Equal(8, bitDepth);
        Assert.Contains(colourType, new byte[] { 2, 6 });
        Assert.Equal(0, interlace);

        using var compressed = new MemoryStream(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
        using var inflated = new MemoryStream();
        zlib.CopyTo(inflated);
        var raw = inflated.ToArray();

        var channels = colourType == 6 ? 4 : 3;
        var stride = width * channels;
        Assert.Equal(height * (stride + 1), raw.Length);
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan((y * (stride + 1)) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = line[x * channels];
                rgba[o + 1] = line[(x * channels) + 1];
                rgba[o + 2] = line[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? line[(x * channels) + 3] : (byte)255;
            }

            previous = line;
        }

        return new PngFile(width, height, colourType, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static uint Crc(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var d in data)
        {
            crc = CrcTable[(crc ^ d) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
