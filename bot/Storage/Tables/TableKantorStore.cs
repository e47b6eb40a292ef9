using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IKantorStore"/> on Azure Tables (docs/storage.md). A save writes the office's organisation and each of
/// its years into partitions of a fresh generation (invisible until committed), then commits by replacing the
/// office's head entity with an ETag condition (If-Match, or insert for a new office): that one write is the commit
/// point, so a reader sees the old office or the new one, never a mix. A 412/409 on the head means another writer
/// committed first: the head is read again and the commit repeated on it (the other years it holds are kept).
/// Superseded generations are deleted after the commit, best effort.
/// </summary>
public sealed class TableKantorStore(TableStorage storage, TimeProvider time, ILogger<TableKantorStore> logger) : IKantorStore
{
    private const int MaksimalPercobaan = 5;
    private const int BatasTransaksi = 100;

    public async Task<HasilSimpanKantor> SimpanAsync(DataKantor data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kodeKantor = data.KodeKantor;
        var table = await storage.KantorAsync(cancellationToken).ConfigureAwait(false);
        var tahunData = data.Kontrak.Select(k => k.Tahun).Concat(data.Perilaku.Select(p => p.Tahun)).Distinct().Order().ToList();
        var generasi = TableKeys.Generasi(time.GetUtcNow());

        // 1. The new generation, in entity group transactions of at most 100 entities of one partition.
        await TulisAsync(table, EntitasOrganisasi(kodeKantor, generasi, data), cancellationToken).ConfigureAwait(false);
        var (jumlahKontrak, jumlahIku) = (0, 0);
        foreach (var tahun in tahunData)
        {
            var (entitas, kontrak, iku) = EntitasTahun(kodeKantor, tahun, generasi, data);
            jumlahKontrak += kontrak;
            jumlahIku += iku;
            await TulisAsync(table, entitas, cancellationToken).ConfigureAwait(false);
        }

        // 2. E-mail index rows are hints (a lookup checks them against the committed organisation), so writing them
        //    before the commit is harmless and a lookup finds the people as soon as the commit lands.
        foreach (var p in data.Pegawai)
        {
            // The row names the generation it was written with: while the head names that generation, the row is
            // proven by it (generations are immutable), and a lookup needs no read of the person.
            var entitas = new TableEntity(TableKeys.EmailPartition(p.Email), TableKeys.EmailRow(kodeKantor, p.Nip))
            {
                ["Kode"] = kodeKantor, ["Nip"] = p.Nip.Value, ["Org"] = generasi,
            };
            await table.UpsertEntityAsync(entitas, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        // 3. The commit: one ETag-guarded write of the head.
        var pk = TableKeys.KantorPartition(kodeKantor);
        for (var percobaan = 1; ; percobaan++)
        {
            var head = await BacaHeadAsync(table, pk, cancellationToken).ConfigureAwait(false);
            var tahunLama = head is null ? new SortedDictionary<int, string>() : TahunDari(head);
            var tahunBaru = new SortedDictionary<int, string>(tahunLama);
            foreach (var tahun in tahunData)
            {
                tahunBaru[tahun] = generasi;
            }

            var versi = (head?.GetInt64("Versi") ?? 0) + 1;
            var headBaru = new TableEntity(pk, TableKeys.Head)
            {
                ["Kode"] = kodeKantor, ["Versi"] = versi, ["Org"] = generasi, ["Tahun"] = TahunKe(tahunBaru),
                ["DisimpanPada"] = time.GetUtcNow(),
            };
            try
            {
                if (head is null)
                {
                    await table.AddEntityAsync(headBaru, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(headBaru, head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                TableLog.KantorHeadConflict(logger, kodeKantor, percobaan, e.Status);
                if (percobaan >= MaksimalPercobaan)
                {
                    throw new InvalidOperationException($"Data {kodeKantor} terus diubah penulis lain; simpan dibatalkan setelah {percobaan} percobaan.", e);
                }

                continue;
            }

            var diganti = tahunData.Where(tahunLama.ContainsKey).ToList();
            var baru = tahunData.Where(t => !tahunLama.ContainsKey(t)).ToList();
            TableLog.KantorSaved(logger, kodeKantor, versi, generasi, string.Join(",", diganti), string.Join(",", baru));

            // 4. Clean-up of what the commit superseded (invisible already; a failure leaves garbage, never wrong data).
            if (head is not null)
            {
                var emailBaru = data.Pegawai.Select(p => (TableKeys.Email(p.Email), p.Nip.Value)).ToHashSet();
                var orgLama = TableKeys.OrganisasiPartition(kodeKantor, head.GetString("Org"));
                var pegawaiLama = await HapusPartisiAsync(table, kodeKantor, orgLama, cancellationToken).ConfigureAwait(false);
                foreach (var (email, nip) in pegawaiLama.Where(x => !emailBaru.Contains((TableKeys.Email(x.Email), x.Nip))))
                {
                    await HapusSatuAsync(table, kodeKantor, TableKeys.EmailPartition(email), TableKeys.EmailRow(kodeKantor, Nip.Parse(nip)),
                        cancellationToken).ConfigureAwait(false);
                }

                foreach (var tahun in diganti)
                {
                    await HapusPartisiAsync(table, kodeKantor, TableKeys.TahunPartition(kodeKantor, tahun, tahunLama[tahun]), cancellationToken)
                        .ConfigureAwait(false);
                }
            }

            return new HasilSimpanKantor(kodeKantor, head is null, diganti, baru, data.Unit.Count, data.Pegawai.Count, jumlahKontrak, jumlahIku);
        }
    }

    public async Task<DataKantor?> MuatAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kodeKantor);
        return await BacaAsync(storage, kodeKantor, denganTahun: true, logger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The office's organisation only (units and people, no year): the head, the organisation partition, the head
    /// again (3 requests whatever the size of the office, as long as its organisation fits a page of 1,000). For the
    /// reads that only need the people (the reach list, "what waits for me"). Null when the office was never imported.
    /// </summary>
    internal static Task<DataKantor?> MuatOrganisasiAsync(TableStorage storage, string kodeKantor, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kodeKantor);
        return BacaAsync(storage, kodeKantor, denganTahun: false, logger, cancellationToken);
    }

    /// <summary>
    /// The head, the partitions it names, then the head again: if its ETag moved (a newer commit may have deleted what
    /// was being read), the read is repeated, up to <see cref="MaksimalPercobaan"/> times.
    /// </summary>
    private static async Task<DataKantor?> BacaAsync(TableStorage storage, string kodeKantor, bool denganTahun, ILogger logger, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var table = await storage.KantorAsync(cancellationToken).ConfigureAwait(false);
        var pk = TableKeys.KantorPartition(kodeKantor);
        for (var percobaan = 1; ; percobaan++)
        {
            var head = await BacaHeadAsync(table, pk, cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                return null;
            }

            var kode = head.GetString("Kode");
            var requests = 2;
            var org = await QueryPartisiAsync(table, TableKeys.OrganisasiPartition(kode, head.GetString("Org")), cancellationToken).ConfigureAwait(false);
            var tahun = new List<List<TableEntity>>();
            foreach (var (t, generasi) in denganTahun ? TahunDari(head) : [])
            {
                tahun.Add(await QueryPartisiAsync(table, TableKeys.TahunPartition(kode, t, generasi), cancellationToken).ConfigureAwait(false));
                requests++;
            }

            // The generations read are the committed ones only if the head did not move meanwhile (a newer commit
            // deletes the partitions it supersedes, so a read across it could miss rows).
            var lagi = await BacaHeadAsync(table, pk, cancellationToken).ConfigureAwait(false);
            requests++;
            if (lagi is null || lagi.ETag != head.ETag)
            {
                TableLog.KantorReadRetried(logger, kode, percobaan);
                if (percobaan >= MaksimalPercobaan)
                {
                    throw new InvalidOperationException($"Data {kode} terus diubah penulis lain; gagal membaca setelah {percobaan} percobaan.");
                }

                continue;
            }

            var data = Bangun(org, tahun);
            TableLog.KantorLoaded(logger, kode, requests, stopwatch.ElapsedMilliseconds);
            return data;
        }
    }

    public async Task<IReadOnlyList<string>> DaftarKantorAsync(CancellationToken cancellationToken)
    {
        var table = await storage.KantorAsync(cancellationToken).ConfigureAwait(false);
        var hasil = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"kantor|"} and PartitionKey lt {"kantor}"} and RowKey eq {TableKeys.Head}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Kode"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(e.GetString("Kode"));
        }

        return hasil;
    }

    public async Task<IReadOnlyDictionary<string, long>> DaftarVersiKantorAsync(CancellationToken cancellationToken)
    {
        var table = await storage.KantorAsync(cancellationToken).ConfigureAwait(false);
        var hasil = new Dictionary<string, long>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"kantor|"} and PartitionKey lt {"kantor}"} and RowKey eq {TableKeys.Head}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Kode", "Versi"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil[e.GetString("Kode")] = e.GetInt64("Versi") ?? 0;
        }

        return hasil;
    }

    public async Task<(string KodeKantor, Nip Nip)?> CariByEmailAsync(string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var table = await storage.KantorAsync(cancellationToken).ConfigureAwait(false);
        var kunci = TableKeys.Email(email);
        foreach (var calon in await QueryPartisiAsync(table, TableKeys.EmailPartition(email), cancellationToken).ConfigureAwait(false))
        {
            // The index is a hint: the committed organisation of the office decides.
            var kode = calon.GetString("Kode");
            var nip = Nip.Parse(calon.GetString("Nip"));
            var head = await BacaHeadAsync(table, TableKeys.KantorPartition(kode), cancellationToken).ConfigureAwait(false);
            if (head is null)
            {
                continue;
            }

            // Written by the save whose generation the head now names: that organisation holds this e-mail for this
            // NIP (a generation's partitions never change after they are written), so no read of the person is needed.
            if (calon.GetString("Org") is { } org && org == head.GetString("Org"))
            {
                return (head.GetString("Kode"), nip);
            }

            var pegawai = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.OrganisasiPartition(kode, head.GetString("Org")),
                TableKeys.Pegawai(nip), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (pegawai.HasValue && TableKeys.Email(pegawai.Value!.GetString("Email")) == kunci)
            {
                return (head.GetString("Kode"), nip);
            }
        }

        return null;
    }

    private static async Task<TableEntity?> BacaHeadAsync(TableClient table, string pk, CancellationToken cancellationToken)
    {
        var head = await table.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.Head, cancellationToken: cancellationToken).ConfigureAwait(false);
        return head.HasValue ? head.Value : null;
    }

    /// <summary>Every entity of one partition, in row-key order; the SDK follows the continuation tokens (1,000 a page).</summary>
    private static async Task<List<TableEntity>> QueryPartisiAsync(TableClient table, string pk, CancellationToken cancellationToken)
    {
        var hasil = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {pk}"), cancellationToken: cancellationToken)
                           .ConfigureAwait(false))
        {
            hasil.Add(e);
        }

        return hasil;
    }

    /// <summary>Writes entities grouped by partition, each group in transactions of at most 100 (upserts: a retry is idempotent).</summary>
    private static async Task TulisAsync(TableClient table, IEnumerable<TableEntity> entitas, CancellationToken cancellationToken)
    {
        foreach (var partisi in entitas.GroupBy(e => e.PartitionKey))
        {
            foreach (var potongan in partisi.Chunk(BatasTransaksi))
            {
                var aksi = potongan.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
                await table.SubmitTransactionAsync(aksi, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Deletes a superseded partition; returns the (e-mail, NIP) of the people it held. Failures are logged, not thrown.</summary>
    private async Task<List<(string Email, string Nip)>> HapusPartisiAsync(TableClient table, string kodeKantor, string pk, CancellationToken cancellationToken)
    {
        var pegawai = new List<(string, string)>();
        try
        {
            var entitas = await QueryPartisiAsync(table, pk, cancellationToken).ConfigureAwait(false);
            pegawai.AddRange(entitas.Where(e => e.RowKey.StartsWith("pegawai|", StringComparison.Ordinal))
                .Select(e => (e.GetString("Email"), e.GetString("Nip"))));
            foreach (var potongan in entitas.Chunk(BatasTransaksi))
            {
                var aksi = potongan.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)).ToList();
                await table.SubmitTransactionAsync(aksi, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException e)
        {
            TableLog.CleanupFailed(logger, e, pk, kodeKantor);
        }

        return pegawai;
    }

    private async Task HapusSatuAsync(TableClient table, string kodeKantor, string pk, string rk, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(pk, rk, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            TableLog.CleanupFailed(logger, e, pk, kodeKantor);
        }
    }

    private static SortedDictionary<int, string> TahunDari(TableEntity head)
    {
        var hasil = new SortedDictionary<int, string>();
        foreach (var bagian in (head.GetString("Tahun") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (tahun, generasi) = (bagian[..bagian.IndexOf('=', StringComparison.Ordinal)], bagian[(bagian.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            hasil[int.Parse(tahun, CultureInfo.InvariantCulture)] = generasi;
        }

        return hasil;
    }

    private static string TahunKe(SortedDictionary<int, string> tahun) =>
        string.Join(';', tahun.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key}={t.Value}")));

    private static IEnumerable<TableEntity> EntitasOrganisasi(string kodeKantor, string generasi, DataKantor data)
    {
        var pk = TableKeys.OrganisasiPartition(kodeKantor, generasi);
        var urutan = 0;
        foreach (var u in data.Unit)
        {
            var e = new TableEntity(pk, TableKeys.Unit(urutan++))
            {
                ["Kode"] = u.Kode, ["Nama"] = u.Nama, ["Level"] = u.Level.ToString(), ["ZonaWaktu"] = u.ZonaWaktu.IanaId,
            };
            if (u.KodeInduk is not null)
            {
                e["KodeInduk"] = u.KodeInduk;
            }

            yield return e;
        }

        urutan = 0;
        foreach (var p in data.Pegawai)
        {
            var e = new TableEntity(pk, TableKeys.Pegawai(p.Nip))
            {
                ["Urutan"] = urutan++, ["Nip"] = p.Nip.Value, ["Nama"] = p.Nama, ["Email"] = p.Email, ["Jabatan"] = p.Jabatan,
                ["KodeUnit"] = p.KodeUnit, ["KepalaUnit"] = p.KepalaUnit,
            };
            if (p.NipAtasan is { } atasan)
            {
                e["NipAtasan"] = atasan.Value;
            }

            if (p.TanggalMulai is { } mulai)
            {
                e["TanggalMulai"] = mulai.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            yield return e;
        }
    }

    private static (List<TableEntity> Entitas, int Kontrak, int Iku) EntitasTahun(string kodeKantor, int tahun, string generasi, DataKantor data)
    {
        var pk = TableKeys.TahunPartition(kodeKantor, tahun, generasi);
        var hasil = new List<TableEntity>();
        int urutanKontrak = 0, jumlahKontrak = 0, jumlahIku = 0;
        foreach (var k in data.Kontrak)
        {
            var urutan = urutanKontrak++;
            if (k.Tahun != tahun)
            {
                continue;
            }

            jumlahKontrak++;
            hasil.Add(new TableEntity(pk, TableKeys.Kontrak(k.Pemilik)) { ["Urutan"] = urutan, ["Nip"] = k.Pemilik.Value, ["Status"] = k.Status.ToString() });
            var urutanIku = 0;
            foreach (var iku in k.Iku)
            {
                jumlahIku++;
                var e = new TableEntity(pk, TableKeys.Iku(k.Pemilik, urutanIku++))
                {
                    ["Nip"] = k.Pemilik.Value, ["Kode"] = iku.Kode, ["Nama"] = iku.Nama, ["Perspektif"] = iku.Perspektif.ToString(),
                    ["SasaranStrategis"] = iku.SasaranStrategis, ["Bobot"] = TableKeys.Teks(iku.Bobot.Nilai), ["Polaritas"] = iku.Polaritas.ToString(),
                    ["Konsolidasi"] = iku.Konsolidasi.ToString(), ["Satuan"] = iku.Satuan,
                };
                for (var tw = 1; tw <= 4; tw++)
                {
                    if (iku.TargetTriwulan(tw) is { } target)
                    {
                        e[$"T{tw}"] = TableKeys.Teks(target.Nilai);
                        if (target.Atas is { } atas)
                        {
                            e[$"A{tw}"] = TableKeys.Teks(atas);
                        }
                    }

                    if (iku.RealisasiTriwulan(tw) is { } realisasi)
                    {
                        e[$"R{tw}"] = TableKeys.Teks(realisasi);
                    }
                }

                hasil.Add(e);
            }
        }

        var urutanPerilaku = 0;
        foreach (var p in data.Perilaku)
        {
            var urutan = urutanPerilaku++;
            if (p.Tahun == tahun)
            {
                hasil.Add(new TableEntity(pk, TableKeys.Perilaku(p.Nip))
                {
                    ["Urutan"] = urutan, ["Nip"] = p.Nip.Value, ["Nilai"] = TableKeys.Teks(p.Nilai), ["Pengurang"] = TableKeys.Teks(p.Pengurang),
                });
            }
        }

        var urutanInisiatif = new Dictionary<Nip, int>();
        foreach (var (t, pemilik, i) in data.SemuaInisiatif)
        {
            if (t != tahun)
            {
                continue;
            }

            var urutan = urutanInisiatif.GetValueOrDefault(pemilik);
            urutanInisiatif[pemilik] = urutan + 1;
            var e = new TableEntity(pk, TableKeys.Inisiatif(pemilik, urutan))
            {
                ["Nip"] = pemilik.Value, ["Nama"] = i.Nama, ["SasaranStrategis"] = i.SasaranStrategis, ["Progres"] = TableKeys.Teks(i.ProgresPersen),
            };
            if (i.Keterangan is { } keterangan)
            {
                e["Keterangan"] = keterangan;
            }

            if (i.Tenggat is { } tenggat)
            {
                e["Tenggat"] = tenggat.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            hasil.Add(e);
        }

        return (hasil, jumlahKontrak, jumlahIku);
    }

    private static DataKantor Bangun(List<TableEntity> org, List<List<TableEntity>> tahun)
    {
        var data = new DataKantor();
        foreach (var u in org.Where(e => e.RowKey.StartsWith("unit|", StringComparison.Ordinal)))
        {
            if (!ZonaWaktu.TryParse(u.GetString("ZonaWaktu"), out var zona))
            {
                throw new InvalidOperationException($"Zona waktu '{u.GetString("ZonaWaktu")}' di Azure Tables tidak dikenal");
            }

            data.TambahUnit(new Unit(u.GetString("Kode"), u.GetString("Nama"), u.GetString("KodeInduk"), Enum.Parse<LevelUnit>(u.GetString("Level")), zona));
        }

        foreach (var p in org.Where(e => e.RowKey.StartsWith("pegawai|", StringComparison.Ordinal)).OrderBy(e => e.GetInt32("Urutan")))
        {
            var atasan = p.GetString("NipAtasan");
            var mulai = p.GetString("TanggalMulai");
            data.TambahPegawai(new Pegawai(Nip.Parse(p.GetString("Nip")), p.GetString("Nama"), p.GetString("Email"), p.GetString("Jabatan"),
                p.GetString("KodeUnit"), atasan is null ? null : Nip.Parse(atasan), p.GetBoolean("KepalaUnit") ?? false,
                mulai is null ? null : DateOnly.ParseExact(mulai, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        foreach (var partisi in tahun)
        {
            var kontrak = new Dictionary<string, KontrakKinerja>(StringComparer.Ordinal);
            var t = int.Parse(partisi.Count == 0 ? "0" : partisi[0].PartitionKey.Split('|')[2], CultureInfo.InvariantCulture);
            foreach (var k in partisi.Where(e => e.RowKey.StartsWith("kontrak|", StringComparison.Ordinal)).OrderBy(e => e.GetInt32("Urutan")))
            {
                var kk = new KontrakKinerja(t, Nip.Parse(k.GetString("Nip")), Enum.Parse<StatusSkp>(k.GetString("Status")));
                kontrak.Add(k.GetString("Nip"), kk);
                data.TambahKontrak(kk);
            }

            foreach (var e in partisi.Where(e => e.RowKey.StartsWith("iku|", StringComparison.Ordinal)))
            {
                var iku = new Iku(e.GetString("Kode"), e.GetString("Nama"), Enum.Parse<Perspektif>(e.GetString("Perspektif")), e.GetString("SasaranStrategis"),
                    new Bobot(TableKeys.Desimal(e.GetString("Bobot"))), Enum.Parse<Polaritas>(e.GetString("Polaritas")),
                    Enum.Parse<JenisKonsolidasi>(e.GetString("Konsolidasi")), e.GetString("Satuan"));
                for (var tw = 1; tw <= 4; tw++)
                {
                    if (e.GetString($"T{tw}") is { } target)
                    {
                        var atas = e.GetString($"A{tw}");
                        iku.TetapkanTarget(tw, new Target(TableKeys.Desimal(target), atas is null ? null : TableKeys.Desimal(atas)));
                    }

                    if (e.GetString($"R{tw}") is { } realisasi)
                    {
                        iku.CatatRealisasi(tw, TableKeys.Desimal(realisasi));
                    }
                }

                kontrak[e.GetString("Nip")].TambahIku(iku);
            }

            foreach (var p in partisi.Where(e => e.RowKey.StartsWith("perilaku|", StringComparison.Ordinal)).OrderBy(e => e.GetInt32("Urutan")))
            {
                data.TambahPerilaku(new NilaiPerilaku(t, Nip.Parse(p.GetString("Nip")), TableKeys.Desimal(p.GetString("Nilai")),
                    TableKeys.Desimal(p.GetString("Pengurang"))));
            }

            // Row keys sort by owner then data order (TableKeys.Inisiatif), so the query order is the data order.
            foreach (var i in partisi.Where(e => e.RowKey.StartsWith("inisiatif|", StringComparison.Ordinal)))
            {
                var tenggat = i.GetString("Tenggat");
                data.TambahInisiatif(t, Nip.Parse(i.GetString("Nip")), new InisiatifStrategis(i.GetString("Nama"), i.GetString("SasaranStrategis"),
                    TableKeys.Desimal(i.GetString("Progres")), tenggat is null ? null : DateOnly.ParseExact(tenggat, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    i.GetString("Keterangan")));
            }
        }

        return data;
    }
}
