using KinerjaBot.Icons;

namespace KinerjaBot.Tests.Manifest;

/// <summary>
/// The committed icons (manifest/color.png, manifest/outline.png) against Teams' rules
/// (https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons), read with the
/// tests' own PNG decoder, and against the drawing of manifest/icons (regenerate: dotnet run --project manifest/icons).
/// </summary>
public sealed class IkonTests
{
    private static readonly PngFile Color = PngFile.Decode(Paket.ColorPng);
    private static readonly PngFile Outline = PngFile.Decode(Paket.OutlinePng);

    [Fact]
    public void Color_192x192_OpakSeluruhnya()
    {
        Assert.Equal((192, 192), (Color.Width, Color.Height));
        Assert.All(Color.Pixels(), p => Assert.Equal(255, p.P.A));
    }

    [Fact]
    public void Color_SimbolDiTengah96x96_SisanyaLatarBiruPolos()
    {
        var latar = Color[0, 0];
        Assert.Equal((0x0B, 0x3C, 0x7D, 255), ((int)latar.R, (int)latar.G, (int)latar.B, (int)latar.A));

        var simbol = Color.Pixels().Where(p => p.P != latar).ToList();
        Assert.NotEmpty(simbol);
        Assert.All(simbol, p =>
        {
            Assert.InRange(p.X, 48, 143);
            Assert.InRange(p.Y, 48, 143);
        });
    }

    [Fact]
    public void Outline_32x32_HanyaPutihDenganAlpha()
    {
        Assert.Equal((32, 32), (Outline.Width, Outline.Height));
        Assert.Equal(6, Outline.ColourType);
        Assert.All(Outline.Pixels().Where(p => p.P.A > 0), p => Assert.Equal((255, 255, 255), ((int)p.P.R, (int)p.P.G, (int)p.P.B)));
    }

    [Fact]
    public void Outline_LatarTransparanPenuh_SimbolMengisiKotakTanpaPadding()
    {
        Assert.Equal(0, Outline[0, 0].A);
        Assert.Equal(0, Outline[31, 0].A);
        var transparan = Outline.Pixels().Count(p => p.P.A == 0);
        var putih = Outline.Pixels().Count(p => p.P.A == 255);
        Assert.InRange(transparan, 200, 900);
        Assert.InRange(putih, 200, 900);

        var terisi = Outline.Pixels().Where(p => p.P.A > 0).ToList();
        Assert.True(terisi.Max(p => p.X) - terisi.Min(p => p.X) + 1 >= 28, "lebar simbol");
        Assert.True(terisi.Max(p => p.Y) - terisi.Min(p => p.Y) + 1 >= 28, "tinggi simbol");
    }

    [Fact]
    public void IkonTersimpan_SamaDenganGambarGenerator()
    {
        Assert.Equal(IconPainter.Color().Pixels, Color.Rgba);
        Assert.Equal(IconPainter.Outline().Pixels, Outline.Rgba);
    }

    [Fact]
    public void EncoderGenerator_MenghasilkanPngYangTerbacaDecoderUji()
    {
        var image = new RgbaImage(3, 2);
        image[0, 0] = (1, 2, 3, 4);
        image[2, 1] = (250, 251, 252, 253);

        var decoded = PngFile.Decode(PngEncoder.Encode(image));

        Assert.Equal((3, 2), (decoded.Width, decoded.Height));
        Assert.Equal(image.Pixels, decoded.Rgba);
        Assert.Equal(0xCBF43926u, PngEncoder.Crc32("123456789"u8)); // the CRC-32 check value (ISO 3309 / PNG)
    }
}
