using System.Text.Json;

namespace Kinerja.Cards.Tests;

public sealed class CardVerbsTests
{
    private static JsonElement Elemen(string json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void NilaiSayaData_BentukData()
    {
        var data = new NilaiSayaData(2026, 2).ToData();

        Assert.Equal("""{"verb":"nilaiSaya","tahun":2026,"triwulan":2}""", data.ToJsonString());
    }

    [Fact]
    public void NilaiSayaData_PulangPergi_LewatSubmit()
    {
        var data = Elemen(new NilaiSayaData(2027, 4).ToData().ToJsonString());

        Assert.True(CardVerbs.TryParse(data, out var hasil));
        Assert.Equal(new NilaiSayaData(2027, 4), hasil);
    }

    [Fact]
    public void NilaiSayaData_LewatExecute_VerbDariAction()
    {
        // An invoke carries the verb in value.action.verb; its data may hold inputs merged in by the client.
        var data = Elemen("""{"tahun":2026,"triwulan":1,"input1":"x"}""");

        Assert.True(CardVerbs.TryParse(data, CardVerbs.NilaiSaya, out var hasil));
        Assert.Equal(new NilaiSayaData(2026, 1), hasil);
    }

    [Fact]
    public void NilaiSayaData_AngkaSebagaiTeks_Diterima()
    {
        Assert.True(CardVerbs.TryParse(Elemen("""{"verb":"nilaiSaya","tahun":"2026","triwulan":"3"}"""), out var hasil));
        Assert.Equal(new NilaiSayaData(2026, 3), hasil);
    }

    [Theory]
    [InlineData("""{"verb":"nilaiSaya","tahun":2026,"triwulan":5}""")]
    [InlineData("""{"verb":"nilaiSaya","tahun":2026,"triwulan":0}""")]
    [InlineData("""{"verb":"nilaiSaya","tahun":1999,"triwulan":1}""")]
    [InlineData("""{"verb":"nilaiSaya","tahun":2026}""")]
    [InlineData("""{"verb":"nilaiSaya","tahun":2026,"triwulan":1.5}""")]
    [InlineData("""{"verb":"nilaiSaya","tahun":"dua ribu","triwulan":1}""")]
    [InlineData("""{"verb":"hapusSemua","tahun":2026,"triwulan":1}""")]
    [InlineData("""{"tahun":2026,"triwulan":1}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"verb":"perintah","teks":""}""")]
    [InlineData("""{"verb":"perintah","teks":42}""")]
    public void DataBuruk_Ditolak(string json) => Assert.False(CardVerbs.TryParse(Elemen(json), out _));

    [Fact]
    public void PerintahData_ImBackDanPulangPergi()
    {
        var data = new PerintahData("nilai saya").ToData();

        Assert.Equal("""{"verb":"perintah","teks":"nilai saya","msteams":{"type":"imBack","value":"nilai saya"}}""", data.ToJsonString());
        Assert.True(CardVerbs.TryParse(Elemen(data.ToJsonString()), out var hasil));
        Assert.Equal(new PerintahData("nilai saya"), hasil);
    }

    [Fact]
    public void VerbDideklarasikanSekali()
    {
        Assert.Equal(["nilaiSaya", "perintah", "lihatSkp", "ajukanSkp", "setujuiSkp", "kembalikanSkp", "ubahTargetSkp", "ajukanAdendumSkp", "ingatkanBesok"], CardVerbs.Semua);
        Assert.Equal(CardVerbs.NilaiSaya, new NilaiSayaData(2026, 1).Verb);
        Assert.Equal(CardVerbs.Perintah, new PerintahData("x").Verb);
    }
}
