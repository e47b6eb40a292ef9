using Kinerja.Domain.Penilaian;
using Kinerja.Domain.Ports;
using Kinerja.Testing;
using KinerjaBot.Storage.Tables;
using KinerjaBot.Tests.Import;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// The key design's promise, counted (docs/benchmarks.md "Azure Tables"): loading what a recap or a "nilai saya" card
/// scores costs one request per partition it needs — never one per row — so the count does not grow with the people
/// of the office, only with its years. Counted by the pipeline policy every Tables client carries; the count is
/// deterministic, the time is not asserted here (it is measured by the benchmark).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableRequestCountTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DemoDataset _d = new();

    public void Dispose() => _d.Dispose();

    private static async Task<long> HitungAsync(TestStore store, Func<Task> operasi)
    {
        var penghitung = store.Layanan.GetRequiredService<PenghitungPermintaanTables>();
        var sebelum = penghitung.Jumlah;
        await operasi();
        return penghitung.Jumlah - sebelum;
    }

    [Fact]
    public async Task MasukanRekapDanNilaiSaya_SatuPermintaanPerPartisi_TidakBertambahDenganPegawai()
    {
        using var store = new TestStore(_d.DbPath, null, azurite.Konfigurasi("R" + Guid.NewGuid().ToString("N")[..20]));
        await store.Importer.ImporAsync(_d.Folder, Ct);
        await store.Pengguna.SimpanAsync(new PenggunaTerkait("aad-lestari", "KPPN-METRO", Kinerja.Testing.Builders.SkpContoh.Lestari,
            "lestari.handayani@kemenkeu.example", new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)), Ct);
        var penilaian = store.Layanan.GetRequiredService<DataPenilaian>();
        Kinerja.Domain.Kinerja.DataKantor? data = null;

        // Recap inputs of KPPN Metro (2 years): office head, organisation, 2 year partitions, head again (the commit
        // did not move), and the 2 SKP workflow partitions of those years (approved revisions and adenda).
        var rekap = await HitungAsync(store, async () => data = await penilaian.MuatAsync("KPPN-METRO", Ct));
        // "nilai saya": the same, after one point read of the linked Teams user.
        var nilaiSaya = await HitungAsync(store, async () =>
        {
            var pengguna = await store.Pengguna.CariAsync("aad-lestari", Ct);
            await penilaian.MuatAsync(pengguna!.KodeKantor, Ct);
        });

        Assert.Equal(25, data!.Pegawai.Count);
        Assert.Equal(7, rekap);
        Assert.Equal(8, nilaiSaya);
    }

    [Fact]
    public async Task KanwilSepuluhKantor_SepuluhKaliSatuKantor()
    {
        using var store = new TestStore(_d.DbPath, null, azurite.Konfigurasi("W" + Guid.NewGuid().ToString("N")[..20]));
        foreach (var folder in KanwilSintetis.Tulis(_d.Root, 10))
        {
            await store.Importer.ImporAsync(folder, Ct);
        }

        var penilaian = store.Layanan.GetRequiredService<DataPenilaian>();
        var pegawai = 0;

        var kanwil = await HitungAsync(store, async () =>
        {
            foreach (var kode in await store.Kantor.DaftarKantorAsync(Ct))
            {
                pegawai += (await penilaian.MuatAsync(kode, Ct))!.Pegawai.Count;
            }
        });

        Assert.Equal(250, pegawai);
        Assert.Equal(1 + (10 * 7), kanwil); // the office list, then 7 per office
    }

    /// <summary>Links people of KPPN Metro (the first <paramref name="jumlah"/>) with a mix of chat states.</summary>
    private static async Task<IReadOnlyList<Kinerja.Domain.Organisasi.Pegawai>> TautkanAsync(TestStore store, string kode, int jumlah)
    {
        var pegawai = (await store.Kantor.MuatAsync(kode, Ct))!.Pegawai;
        var t = new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < jumlah; i++)
        {
            var p = pegawai[i];
            var aad = $"aad-{kode}-{i}".ToLowerInvariant();
            await store.Pengguna.SimpanAsync(new PenggunaTerkait(aad, kode, p.Nip, p.Email, t), Ct);
            switch (i % 4)
            {
                case 0: // a live chat: reachable, not listed
                    await store.Percakapan.SimpanReferensiAsync(Referensi(aad, t.AddMinutes(1), null), Ct);
                    break;
                case 1: // removed the app
                    await store.Percakapan.SimpanReferensiAsync(Referensi(aad, t.AddMinutes(1), t.AddMinutes(1)), Ct);
                    break;
                case 2: // blocked the bot
                    await store.Percakapan.SimpanReferensiAsync(Referensi(aad, t.AddMinutes(1), null), Ct);
                    await store.Percakapan.TandaiTidakTerjangkauAsync(aad, new TidakTerjangkau(AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser", t.AddMinutes(2)), Ct);
                    break;
                default: // linked, no chat yet
                    break;
            }
        }

        return pegawai;
    }

    private static ReferensiPercakapan Referensi(string aad, DateTimeOffset pada, DateTimeOffset? dihapus) =>
        new(aad, "https://smba.trafficmanager.net/apac/", "a:1personal-" + aad, "7a1d4e2b-0000-4000-8000-00000000a001", null, "28:app", "msteams", pada, dihapus);

    [Fact]
    public async Task DaftarTidakTerjangkau_JumlahPermintaanTetap_TidakBertambahDenganPegawaiTertaut()
    {
        using var store = new TestStore(_d.DbPath, null, azurite.Konfigurasi("J" + Guid.NewGuid().ToString("N")[..20]));
        await store.Importer.ImporAsync(_d.Folder, Ct);
        IReadOnlyList<PegawaiTidakTerjangkau> daftar = [];

        await TautkanAsync(store, "KPPN-METRO", 1);
        var satu = await HitungAsync(store, async () => daftar = await store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct));
        Assert.Equal(24, daftar.Count); // the linked one has a live chat
        var pegawai = await TautkanAsync(store, "KPPN-METRO", 25);
        var semua = await HitungAsync(store, async () => daftar = await store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct));

        // Head, organisation, head again; the office's link index range; its reach index partition.
        Assert.Equal(5, satu);
        Assert.Equal(5, semua);
        var diharapkan = pegawai.Select((p, i) => (p.Nip, Keadaan: (i % 4) switch
        {
            0 => (KeadaanJangkauan?)null,
            1 => KeadaanJangkauan.AplikasiDihapus,
            2 => KeadaanJangkauan.TidakTerjangkau,
            _ => KeadaanJangkauan.BelumAdaPercakapan,
        })).Where(x => x.Keadaan is not null).Select(x => (x.Nip, x.Keadaan!.Value));
        Assert.Equal(diharapkan, daftar.Select(x => (x.Nip, x.Keadaan)));
        Assert.All(daftar.Where(x => x.Keadaan == KeadaanJangkauan.TidakTerjangkau),
            x => Assert.Equal((AlasanTidakTerjangkau.DiblokirPengguna, "ConversationBlockedByUser"), (x.Alasan!.Value, x.KodeGalat)));

        // A chat re-added after the removal and the refusal: the index follows, still 5 requests.
        var t = new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);
        await store.Percakapan.SimpanReferensiAsync(Referensi("aad-kppn-metro-1", t, null), Ct);
        await store.Percakapan.SimpanReferensiAsync(Referensi("aad-kppn-metro-2", t, null), Ct);
        var lagi = await HitungAsync(store, async () => daftar = await store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct));
        Assert.Equal(5, lagi);
        Assert.DoesNotContain(daftar, x => x.Nip == pegawai[1].Nip || x.Nip == pegawai[2].Nip);
    }

    [Fact]
    public async Task DaftarTidakTerjangkau_IndeksHilang_DibacaDariKebenaran_LaluDiperbaiki()
    {
        var konfigurasi = azurite.Konfigurasi("H" + Guid.NewGuid().ToString("N")[..20]);
        using var store = new TestStore(_d.DbPath, null, konfigurasi);
        await store.Importer.ImporAsync(_d.Folder, Ct);
        await TautkanAsync(store, "KPPN-METRO", 8);
        var utuh = await store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct);

        // The reach index partition is lost (as for data written before the index existed).
        var tabel = new Azure.Data.Tables.TableClient(azurite.ConnectionString, konfigurasi["Kinerja:Storage:TablesPrefix"] + "Percakapan");
        await foreach (var e in tabel.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq 'jangkauan|KPPN-METRO'", cancellationToken: Ct))
        {
            await tabel.DeleteEntityAsync(e.PartitionKey, e.RowKey, Azure.ETag.All, Ct);
        }

        IReadOnlyList<PegawaiTidakTerjangkau> dibaca = [];
        var pertama = await HitungAsync(store, async () => dibaca = await store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct));
        Assert.Equal(utuh, dibaca);
        // Per linked person: the user entity, the chat entity, the index row read and written.
        Assert.Equal(5 + (8 * 4), pertama);
        var kedua = await HitungAsync(store, async () => dibaca = await store.Percakapan.DaftarTidakTerjangkauAsync("KPPN-METRO", Ct));
        Assert.Equal(utuh, dibaca);
        Assert.Equal(5, kedua);
    }

    [Fact]
    public async Task DaftarTidakTerjangkau_KanwilSepuluhKantor_LimaPerKantor()
    {
        using var store = new TestStore(_d.DbPath, null, azurite.Konfigurasi("L" + Guid.NewGuid().ToString("N")[..20]));
        foreach (var folder in KanwilSintetis.Tulis(_d.Root, 10))
        {
            await store.Importer.ImporAsync(folder, Ct);
        }

        foreach (var kode in KanwilSintetis.Kode(10))
        {
            await TautkanAsync(store, kode, 25);
        }

        var baris = 0;
        var kanwil = await HitungAsync(store, async () =>
        {
            foreach (var kode in await store.Kantor.DaftarKantorAsync(Ct))
            {
                baris += (await store.Percakapan.DaftarTidakTerjangkauAsync(kode, Ct)).Count;
            }
        });

        Assert.Equal(10 * 18, baris); // per office: 25 linked, 7 with a live chat
        Assert.Equal(1 + (10 * 5), kanwil);
    }

    /// <summary>Every Tables request of the host, as "METHOD table(partition…)" (a pipeline policy like the counter).</summary>
    private sealed class PencatatPermintaan : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Permintaan { get; } = new();

        public override void OnSendingRequest(Azure.Core.HttpMessage message) =>
            Permintaan.Enqueue(message.Request.Method + " " + Uri.UnescapeDataString(message.Request.Uri.Path) + Uri.UnescapeDataString(message.Request.Uri.Query));
    }

    [Theory]
    [InlineData("KPPN-METRO", "bagus.nugroho@kemenkeu.example")]
    [InlineData("KPPN-S03", "bagus.nugroho@kppn-s03.kemenkeu.example")]
    public async Task NilaiSaya_SatuGiliranUtuh_DiHost_JumlahPermintaanTetap(string kode, string email)
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..20];
        using (var impor = new TestStore(_d.DbPath, null, azurite.Konfigurasi(prefix)))
        {
            await impor.Importer.ImporAsync(_d.Folder, Ct);
            foreach (var folder in KanwilSintetis.Tulis(_d.Root, 10))
            {
                await impor.Importer.ImporAsync(folder, Ct);
            }
        }

        var pencatat = new PencatatPermintaan();
        using var bot = new KinerjaBot.Tests.Support.BotFactory();
        foreach (var (k, v) in azurite.Konfigurasi(prefix))
        {
            bot.With(k, v);
        }

        bot.WithServices(s => s.AddSingleton<Azure.Core.Pipeline.HttpPipelinePolicy>(pencatat));
        var orang = new KinerjaBot.Tests.Support.ActivityDriver
        {
            UserId = "user-" + kode, AadObjectId = "7a1d4e2b-0000-4000-8000-" + kode.ToLowerInvariant(), ConversationId = "a:personal-" + kode, Email = email,
        };
        bot.Connector.Member(orang).AcceptActivities();
        var clientInfo = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "clientInfo", ["locale"] = "id-ID", ["timezone"] = "Asia/Jakarta",
        });
        var client = bot.CreateClient();
        async Task<int> GiliranAsync()
        {
            bot.Time.Advance(TimeSpan.FromSeconds(3));
            var sebelum = pencatat.Permintaan.Count;
            var jawaban = await client.PostAsync(new Uri("/api/messages", UriKind.Relative),
                new StringContent(orang.Message("nilai saya", (System.Text.Json.Nodes.JsonArray)clientInfo.DeepClone()).ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.OK, jawaban.StatusCode);
            return pencatat.Permintaan.Count - sebelum;
        }

        var pertama = await GiliranAsync(); // first contact: the member is asked, the link and the chat are recorded
        var permintaan = pencatat.Permintaan.Count;
        var giliran = await GiliranAsync();
        var rincian = pencatat.Permintaan.Skip(permintaan).ToList();

        bot.Connector.AssertNoUnexpectedCalls();
        var kartu = KinerjaBot.Tests.Support.CardJson.CardOf(bot.Connector.Requests.Last().Body);
        Assert.Equal("88,89", KinerjaBot.Tests.Support.CardJson.ById(kartu, "nkp")!["text"]!.GetValue<string>());
        // Recorder: locale (read, replace), reference (read, replace) — a refresh changes no reach state, so no index
        // write. Resolver: the linked user (point read), the e-mail re-check (index query, head: the index row names
        // the committed generation). Handler: the office (head, organisation, 2 years, head) and 2 SKP years.
        Assert.True(giliran == 4 + 3 + 7, string.Join("\n", rincian));
        Assert.True(pertama > giliran);
    }
}
