using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Cards;
using Kinerja.Testing.CardLint;
using KinerjaBot.Handlers;
using KinerjaBot.Tests.Pengingat;
using KinerjaBot.Tests.Support;
using CardJson = KinerjaBot.Tests.Support.CardJson;

namespace KinerjaBot.Tests.Protocol;

/// <summary>
/// "nilai tim" through the whole host: a leader gets the team card (distribution by predikat, who is below 100, id-ID
/// numbers) in the personal chat; someone without direct reports is told no in Bahasa Indonesia; a group chat never
/// shows it.
/// </summary>
public sealed class NilaiTimHostTests : IDisposable
{
    private readonly BotFactory _bot = new();
    private readonly ActivityDriver _bagus = new();
    private readonly ActivityDriver _lestari = ActivityDriver.Lestari();

    public NilaiTimHostTests() => _bot.Connector.Member(_bagus).Member(_lestari).AcceptActivities();

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task NilaiTim_Pimpinan_MendapatKartuTimnya()
    {
        await PostAsync(_bagus.Message("Nilai Tim"));

        _bot.Connector.AssertNoUnexpectedCalls();
        var kartu = CardJson.CardOf(Terakhir(ActivityDriver.PersonalConversation).Body);
        var teks = CardJson.AllText(kartu);
        Assert.Contains("Nilai tim · TW III 2026", teks, StringComparison.Ordinal);
        var bawahan = DemoCsv.Pegawai.Where(p => DemoCsv.Atasan(p) == Kinerja.Testing.Builders.NipContoh.KasiPdms).ToList();
        var namaBawahan = bawahan.Select(n => DemoCsv.Baca("pegawai.csv").Single(r => r["nip"] == n.Value)["nama"]).ToList();
        var sebaran = CardJson.ById(kartu, NilaiTimCard.IdSebaran)!["facts"]!.AsArray();
        var jumlah = sebaran.Sum(f => int.Parse(f!["value"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        // Bagus's direct reports head nothing, so his team is them — those with a 2026 contract (iku.csv).
        var denganKontrak = bawahan.Count(n => DemoCsv.Baca("iku.csv").Any(r => r["tahun"] == "2026" && r["nip_pemilik"] == n.Value));
        Assert.Equal(denganKontrak, jumlah);
        Assert.Contains($"{jumlah} pegawai di bawah Anda", teks, StringComparison.Ordinal);
        Assert.DoesNotContain("Hendarto", teks, StringComparison.Ordinal); // his supervisor is not his team
        if (CardJson.ById(kartu, NilaiTimCard.IdDiBawah100) is { } dibawah)
        {
            Assert.All(dibawah["facts"]!.AsArray(), f => Assert.Contains(f!["title"]!.GetValue<string>(), namaBawahan));
            Assert.All(dibawah["facts"]!.AsArray(), f => Assert.Matches(@"^CKP \d{1,3},\d{2} · NKP ", f!["value"]!.GetValue<string>()));
        }

        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
        Assert.True(Encoding.UTF8.GetByteCount(kartu.ToJsonString()) < 28 * 1024);
    }

    [Fact]
    public async Task NilaiTim_BukanPimpinan_DiberitahuTidakBoleh()
    {
        await PostAsync(_lestari.Message("nilai tim"));

        var balasan = Terakhir("a:personal-lestari").Body!;
        Assert.Equal(NilaiTimHandler.PesanBukanPimpinan, balasan["text"]!.GetValue<string>());
        Assert.Null(balasan["attachments"]);
    }

    [Fact]
    public async Task NilaiTim_DiGrup_TidakDitampilkan()
    {
        var diGrup = new ActivityDriver { ConversationId = "19:seksi-pdms@thread.v2", ConversationType = "groupChat" };

        await PostAsync(diGrup.Message("nilai tim"));

        var balasan = Terakhir("19:seksi-pdms@thread.v2").Body!;
        Assert.Equal(KinerjaActivityHandler.PesanTimPribadi, balasan["text"]!.GetValue<string>());
        Assert.DoesNotContain(_bot.Connector.Requests, r => r.Body?["attachments"] is not null);
    }

    [Fact]
    public async Task NilaiTimKantor_HanyaKoordinator()
    {
        var ratna = ActivityDriver.Ratna();
        _bot.Connector.Member(ratna);

        await PostAsync(_bagus.Message("nilai tim kantor"));
        await PostAsync(ratna.Message("nilai tim kantor"));

        Assert.Equal(NilaiTimHandler.PesanBukanKoordinator, Terakhir(ActivityDriver.PersonalConversation).Body!["text"]!.GetValue<string>());
        var kartu = CardJson.CardOf(Terakhir("a:personal-ratna").Body);
        var denganKontrak = DemoCsv.Pegawai.Count(n => n.Value != "198407222006122001" && DemoCsv.Baca("iku.csv").Any(r => r["tahun"] == "2026" && r["nip_pemilik"] == n.Value));
        Assert.Contains($"{denganKontrak} pegawai di kantor", CardJson.AllText(kartu), StringComparison.Ordinal);
        await CardLinter.Shared.AssertValidAsync(kartu.ToJsonString());
    }

    [Theory]
    [InlineData("nilai tim", null, null)]
    [InlineData("NILAI TIM tw 2", null, 2)]
    [InlineData("nilai tim 2026 TW1", 2026, 1)]
    public void Parser_NilaiTim(string teks, int? tahun, int? triwulan)
    {
        Assert.Equal(new NilaiTimPerintah(tahun, triwulan), PerintahParser.Parse(teks));
        Assert.Equal(new NilaiTimPerintah(tahun, triwulan, Kantor: true), PerintahParser.Parse(teks.Replace("tim", "tim kantor", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Parser_NilaiTimSalah_PesanMemakaiContohNilaiTim()
    {
        var salah = Assert.IsType<SalahFormatPerintah>(PerintahParser.Parse("nilai tim TW5"));
        Assert.Contains("`nilai tim TW3`", salah.Pesan, StringComparison.Ordinal);
    }

    private ConnectorRequest Terakhir(string conversationId) =>
        _bot.Connector.Requests.Last(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath.Contains($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", StringComparison.Ordinal));

    private async Task PostAsync(JsonObject activity)
    {
        var client = _bot.CreateClient();
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
