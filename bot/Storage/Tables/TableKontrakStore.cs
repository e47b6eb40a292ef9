using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// <see cref="IKontrakStore"/> on Azure Tables (table <c>{prefix}Kontrak</c>, docs/storage.md). One partition per
/// office-year (<c>skp|{KODE}|{yyyy}</c>) holds every contract's workflow as rows prefixed by the owner's NIP: the state
/// (<c>{NIP}|alur</c>, whose ETag plays SQLite's <c>revisi</c> column), its versions (<c>{NIP}|versi|0001</c>) and its
/// append-only audit trail (<c>{NIP}|audit|000001</c>). A save is ONE entity group transaction in that partition: the
/// state replaced with <c>If-Match</c> on the ETag of the revision the caller stood on (or inserted for a new workflow),
/// the changed versions upserted, the new audit rows inserted. A stale ETag (412) or a row that already exists (409)
/// fails the whole transaction, nothing is written, and the current state comes back as the domain's conflict.
/// Delegations live in one partition per office (<c>delegasi|{KODE}</c>).
/// </summary>
public sealed class TableKontrakStore(TableStorage storage, ILogger<TableKontrakStore> logger) : IKontrakStore, Salin.ISalinanKontrak
{
    /// <summary>An entity group transaction holds at most 100 operations.</summary>
    private const int BatasTransaksi = 100;

    /// <summary>A fresh workflow is 3 rows (state, version 1, first audit line): 33 of them fill one transaction.</summary>
    private const int AlurPerTransaksi = 33;

    /// <summary>Contracts read by one query: the partition comparison and 2 per row range stay within 15 comparisons.</summary>
    private const int RentangPerKueri = 7;

    public async Task<PersetujuanSkp?> MuatAsync(KunciSkp kunci, CancellationToken cancellationToken)
    {
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var baris = await BacaAlurAsync(table, kunci, cancellationToken).ConfigureAwait(false);
        return Bangun(kunci, baris);
    }

    public async Task<HasilSimpanSkp> SimpanAsync(PersetujuanSkp skp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skp);
        var baru = skp.CatatanBaru;
        if (baru.Count == 0)
        {
            return new HasilSimpanSkp(true, skp);
        }

        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var k = skp.Kunci;
        var pk = TableKeys.KontrakPartition(k.KodeKantor, k.Tahun);
        ETag? etag = null;
        if (skp.RevisiTersimpan > 0)
        {
            // The compare of the compare-and-set: the state row must still be at the caller's revision; its ETag
            // then guards the transaction against a writer landing between this read and the write.
            var alur = await table.GetEntityIfExistsAsync<TableEntity>(pk, TableKeys.AlurRow(k.Pemilik), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (alur.HasValue && alur.Value!.GetInt32("Revisi") == skp.RevisiTersimpan)
            {
                etag = alur.Value.ETag;
            }
        }

        if (skp.RevisiTersimpan == 0 || etag is not null)
        {
            var aksi = Aksi(skp, etag);
            try
            {
                await table.SubmitTransactionAsync(aksi, cancellationToken).ConfigureAwait(false);
                skp.TandaiTersimpan();
                TableKontrakLog.Saved(logger, k.ToString(), baru[0].Dari?.ToString() ?? "-", skp.Status.ToString(), skp.Revisi);
                return new HasilSimpanSkp(true, skp);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another writer moved the state first: the whole transaction failed, nothing of ours is stored.
            }
        }

        var sekarang = await MuatAsync(k, cancellationToken).ConfigureAwait(false)
                       ?? throw new InvalidOperationException($"SKP {k} hilang saat disimpan");
        TableKontrakLog.Conflict(logger, k.ToString(), skp.RevisiTersimpan, sekarang.Revisi);
        return new HasilSimpanSkp(false, sekarang);
    }

    public async Task<int> SemaiAsync(DataKantor data, MomenKantor pada, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var kodeKantor = data.KodeKantor;
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var jumlah = 0;
        foreach (var tahun in data.Kontrak.GroupBy(c => c.Tahun))
        {
            // One query for the year's existing workflows (an existing workflow wins), then the new ones in
            // transactions of 33 workflows.
            var pk = TableKeys.KontrakPartition(kodeKantor, tahun.Key);
            var ada = new HashSet<string>(StringComparer.Ordinal);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Baris eq {"alur"}");
            await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Nip"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                ada.Add(e.GetString("Nip"));
            }

            var semai = tahun.Where(c => !ada.Contains(c.Pemilik.Value))
                .Select(c => PersetujuanSkp.Mulai(new KunciSkp(kodeKantor, c.Tahun, c.Pemilik), c.Status, pada, null, Saluran.Impor, "status awal dari impor"))
                .ToList();
            foreach (var potongan in semai.Chunk(AlurPerTransaksi))
            {
                try
                {
                    await table.SubmitTransactionAsync(potongan.SelectMany(s => Aksi(s, null)).ToList(), cancellationToken).ConfigureAwait(false);
                    jumlah += potongan.Length;
                }
                catch (RequestFailedException e) when (e.Status is 409)
                {
                    // Another instance seeded some of them meanwhile: one by one, each existing one wins.
                    foreach (var s in potongan)
                    {
                        if ((await SimpanAsync(s, cancellationToken).ConfigureAwait(false)).Tersimpan)
                        {
                            jumlah++;
                        }
                    }
                }
            }
        }

        TableKontrakLog.Seeded(logger, kodeKantor, jumlah);
        return jumlah;
    }

    public async Task<IReadOnlyList<SkpMenunggu>> DaftarMenungguAsync(string kodeKantor, Nip penyetuju, DateOnly hariIni, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        // Only the people are needed (their NipAtasan): the organisation, not the office's years.
        var data = await TableKantorStore.MuatOrganisasiAsync(storage, kodeKantor, logger, cancellationToken).ConfigureAwait(false);
        if (data is null)
        {
            return [];
        }

        var kode = data.KodeKantor;
        var diwakili = (await DaftarDelegasiAsync(kode, cancellationToken).ConfigureAwait(false))
            .Where(d => d.Pelaksana == penyetuju && d.BerlakuPada(hariIni))
            .Select(d => d.Digantikan)
            .ToHashSet();
        var pegawai = data.Pegawai.Select((p, i) => (p, i)).ToDictionary(x => x.p.Nip.Value, x => x, StringComparer.Ordinal);

        // One range query over the office's year partitions, filtered on the server to submitted workflows.
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TableKeys.KontrakKantorPrefix(kode)} and PartitionKey lt {TableKeys.KontrakKantorAkhir(kode)} and Baris eq {"alur"} and Status eq {nameof(StatusSkp.Diajukan)}");
        var hasil = new List<(SkpMenunggu Skp, int Urutan)>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!pegawai.TryGetValue(e.GetString("Nip"), out var p) || p.p.NipAtasan is not { } atasan)
            {
                continue;
            }

            if (atasan == penyetuju || diwakili.Contains(atasan))
            {
                var kunci = new KunciSkp(kode, e.GetInt32("Tahun")!.Value, p.p.Nip);
                hasil.Add((new SkpMenunggu(kunci, e.GetInt32("VersiTerakhir")!.Value, TableKeys.Waktu(e.GetString("DiajukanPada"))!.Value,
                    atasan == penyetuju ? null : atasan), p.i));
            }
        }

        return [.. hasil.OrderBy(h => h.Skp.DiajukanPadaUtc).ThenBy(h => h.Skp.Kunci.Tahun).ThenBy(h => h.Urutan).Select(h => h.Skp)];
    }

    public async Task<IReadOnlyList<PersetujuanSkp>> DaftarDenganPerubahanTargetAsync(string kodeKantor, int tahun, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var kode = TableKeys.KodeKantor(kodeKantor);
        var pk = TableKeys.KontrakPartition(kodeKantor, tahun);

        // Which workflows have a version that changes targets: one query filtered on the server, returning only those
        // version rows (the audit lines, which grow with every decision, stay on the server).
        var nip = new SortedSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Baris eq {"versi"} and JumlahPerubahan gt {0}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Nip"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            nip.Add(e.GetString("Nip"));
        }

        // Those workflows whole (state, versions, audit: the domain rebuilds a workflow from all three), several
        // contracts' row ranges per query — a filter holds at most 15 comparisons: the partition and 7 ranges.
        var baris = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        foreach (var potongan in nip.Chunk(RentangPerKueri))
        {
            var rentang = string.Join(" or ", potongan.Select(n =>
            {
                var (dari, sampai) = TableKeys.AlurRentang(Nip.Parse(n));
                return "(" + TableClient.CreateQueryFilter($"RowKey ge {dari} and RowKey lt {sampai}") + ")";
            }));
            var f = TableClient.CreateQueryFilter($"PartitionKey eq {pk}") + " and (" + rentang + ")";
            await foreach (var e in table.QueryAsync<TableEntity>(f, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var n = e.GetString("Nip");
                if (!baris.TryGetValue(n, out var daftar))
                {
                    baris[n] = daftar = [];
                }

                daftar.Add(e);
            }
        }

        var hasil = new List<PersetujuanSkp>();
        foreach (var n in nip)
        {
            if (baris.TryGetValue(n, out var daftar) && Bangun(new KunciSkp(kode, tahun, Nip.Parse(n)), daftar) is { } alur)
            {
                hasil.Add(alur);
            }
        }

        return hasil;
    }

    public async Task SimpanDelegasiAsync(Delegasi delegasi, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delegasi);
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(EntitasDelegasi(delegasi), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        TableKontrakLog.DelegationSaved(logger, delegasi.KodeKantor, delegasi.Id, delegasi.Mulai, delegasi.Selesai);
    }

    public async Task<bool> HapusDelegasiAsync(string kodeKantor, string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        // The SDK reports a delete of a missing entity as a 404 response, not an exception.
        var jawaban = await table.DeleteEntityAsync(TableKeys.DelegasiPartition(kodeKantor), TableKeys.DelegasiRow(id.Trim()), ETag.All, cancellationToken)
            .ConfigureAwait(false);
        if (jawaban.Status == 404)
        {
            return false;
        }

        TableKontrakLog.DelegationRemoved(logger, kodeKantor, id);
        return true;
    }

    public async Task<IReadOnlyList<Delegasi>> DaftarDelegasiAsync(string kodeKantor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kodeKantor);
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var kode = TableKeys.KodeKantor(kodeKantor);
        var hasil = new List<Delegasi>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.DelegasiPartition(kodeKantor)}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(new Delegasi(e.GetString("Id"), kode, Nip.Parse(e.GetString("Pelaksana")), Nip.Parse(e.GetString("Digantikan")),
                Enum.Parse<JenisDelegasi>(e.GetString("Jenis")), Tanggal(e.GetString("Mulai")), Tanggal(e.GetString("Selesai")),
                Nip.Parse(e.GetString("DitetapkanOleh"))));
        }

        return [.. hasil.OrderBy(d => d.Mulai).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<PersetujuanSkp> SemuaAlurAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"skp|"} and PartitionKey lt {"skp}"}");
        var kini = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (kini.Count > 0 && (kini[0].PartitionKey != e.PartitionKey || kini[0].GetString("Nip") != e.GetString("Nip")))
            {
                yield return BangunDari(kini);
                kini.Clear();
            }

            kini.Add(e);
        }

        if (kini.Count > 0)
        {
            yield return BangunDari(kini);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Delegasi> SemuaDelegasiAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        var kantorDenganDelegasi = new SortedSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"delegasi|"} and PartitionKey lt {"delegasi}"}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["Kode"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            kantorDenganDelegasi.Add(e.GetString("Kode"));
        }

        foreach (var kode in kantorDenganDelegasi)
        {
            foreach (var d in await DaftarDelegasiAsync(kode, cancellationToken).ConfigureAwait(false))
            {
                yield return d;
            }
        }
    }

    /// <inheritdoc />
    public async Task TulisUtuhAsync(PersetujuanSkp skp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skp);
        var table = await storage.KontrakAsync(cancellationToken).ConfigureAwait(false);
        // A copy: every row upserted in one transaction (idempotent; the target takes the source's whole trail).
        var aksi = Entitas(skp, skp.Versi, skp.JejakAudit)
            .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        foreach (var potongan in aksi.Chunk(BatasTransaksi))
        {
            await table.SubmitTransactionAsync(potongan, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The operations of one save: the state (If-Match, or insert), the versions it may have changed, the new audit rows (insert).</summary>
    private static List<TableTransactionAction> Aksi(PersetujuanSkp skp, ETag? etag)
    {
        var baru = skp.CatatanBaru;
        // A save touches the versions its new audit lines name and any added after them (a submission after a
        // return adds one, an approval stamps the last): the older ones are untouched and stay out of the transaction.
        var dariVersi = skp.RevisiTersimpan == 0 ? 1 : baru.Min(c => c.Versi);
        var entitas = Entitas(skp, skp.Versi.Where(v => v.Nomor >= dariVersi), baru).ToList();
        var aksi = new List<TableTransactionAction>(entitas.Count)
        {
            etag is { } e
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entitas[0], e)
                : new TableTransactionAction(TableTransactionActionType.Add, entitas[0]),
        };
        aksi.AddRange(entitas.Skip(1).Select(x => new TableTransactionAction(
            x.GetString("Baris") == "audit" ? TableTransactionActionType.Add : TableTransactionActionType.UpsertReplace, x)));
        if (aksi.Count > BatasTransaksi)
        {
            throw new InvalidOperationException($"SKP {skp.Kunci}: {aksi.Count} baris dalam satu simpan melebihi batas transaksi Azure Tables ({BatasTransaksi}).");
        }

        return aksi;
    }

    /// <summary>The state row first, then the given versions and audit lines (key scheme in <see cref="TableKeys"/>).</summary>
    private static IEnumerable<TableEntity> Entitas(PersetujuanSkp skp, IEnumerable<VersiSkp> versi, IEnumerable<CatatanAudit> audit)
    {
        var k = skp.Kunci;
        var pk = TableKeys.KontrakPartition(k.KodeKantor, k.Tahun);
        var nip = k.Pemilik.Value;
        var alur = new TableEntity(pk, TableKeys.AlurRow(k.Pemilik))
        {
            ["Baris"] = "alur", ["Kode"] = TableKeys.KodeKantor(k.KodeKantor), ["Nip"] = nip, ["Tahun"] = k.Tahun, ["Status"] = skp.Status.ToString(), ["Revisi"] = skp.Revisi,
            ["VersiTerakhir"] = skp.VersiTerakhir.Nomor,
        };
        if (skp.DiajukanPadaUtc is { } diajukan)
        {
            alur["DiajukanPada"] = TableKeys.Waktu(diajukan);
        }

        yield return alur;
        foreach (var v in versi)
        {
            var e = new TableEntity(pk, TableKeys.VersiRow(k.Pemilik, v.Nomor))
            {
                ["Baris"] = "versi", ["Nip"] = nip, ["Nomor"] = v.Nomor, ["Jenis"] = v.Jenis.ToString(), ["DibuatPada"] = TableKeys.Waktu(v.DibuatPadaUtc),
                ["JumlahPerubahan"] = v.Perubahan.Count,
                // A version's changed targets in one property (a contract has tens of IKU × 4 quarters: a few KB, far
                // below the 64 KB property limit), so a version is one row and a save stays one transaction.
                ["Perubahan"] = JsonSerializer.Serialize(v.Perubahan.Select(p => new PerubahanJson(p.KodeIku, p.Triwulan, TableKeys.Teks(p.Target.Nilai),
                    p.Target.Atas is { } atas ? TableKeys.Teks(atas) : null)).ToList(), JsonOpsi),
            };
            if (v.Alasan is not null)
            {
                e["Alasan"] = v.Alasan;
            }

            if (v.DisetujuiPadaUtc is { } ok)
            {
                e["DisetujuiPada"] = TableKeys.Waktu(ok);
            }

            yield return e;
        }

        foreach (var c in audit)
        {
            var e = new TableEntity(pk, TableKeys.AuditRow(k.Pemilik, c.Urutan))
            {
                ["Baris"] = "audit", ["Nip"] = nip, ["Urutan"] = c.Urutan, ["Pada"] = TableKeys.Waktu(c.PadaUtc), ["ZonaWaktu"] = c.ZonaWaktu,
                ["TanggalLokal"] = c.TanggalLokal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Ke"] = c.Ke.ToString(), ["Versi"] = c.Versi,
                ["Saluran"] = c.Saluran.Nilai,
            };
            Isi(e, "Oleh", c.Oleh?.Nip.Value);
            Isi(e, "NamaOleh", c.Oleh?.Nama);
            Isi(e, "AtasNama", c.AtasNama?.Nip.Value);
            Isi(e, "NamaAtasNama", c.AtasNama?.Nama);
            Isi(e, "Peran", c.Peran?.ToString());
            Isi(e, "Dari", c.Dari?.ToString());
            Isi(e, "Catatan", c.Catatan);
            yield return e;
        }
    }

    private static void Isi(TableEntity e, string nama, string? nilai)
    {
        if (nilai is not null)
        {
            e[nama] = nilai;
        }
    }

    private static TableEntity EntitasDelegasi(Delegasi d) => new(TableKeys.DelegasiPartition(d.KodeKantor), TableKeys.DelegasiRow(d.Id))
    {
        ["Kode"] = TableKeys.KodeKantor(d.KodeKantor), ["Id"] = d.Id, ["Pelaksana"] = d.Pelaksana.Value, ["Digantikan"] = d.Digantikan.Value,
        ["Jenis"] = d.Jenis.ToString(), ["Mulai"] = d.Mulai.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Selesai"] = d.Selesai.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["DitetapkanOleh"] = d.DitetapkanOleh.Value,
    };

    /// <summary>One contract's rows: one range query inside its office-year partition.</summary>
    private static async Task<List<TableEntity>> BacaAlurAsync(TableClient table, KunciSkp kunci, CancellationToken cancellationToken)
    {
        var pk = TableKeys.KontrakPartition(kunci.KodeKantor, kunci.Tahun);
        var (dari, sampai) = TableKeys.AlurRentang(kunci.Pemilik);
        var hasil = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {dari} and RowKey lt {sampai}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            hasil.Add(e);
        }

        return hasil;
    }

    private static PersetujuanSkp BangunDari(List<TableEntity> baris)
    {
        var alur = baris.Single(b => b.GetString("Baris") == "alur");
        return Bangun(new KunciSkp(alur.GetString("Kode"), alur.GetInt32("Tahun")!.Value, Nip.Parse(alur.GetString("Nip"))), baris)!;
    }

    private static PersetujuanSkp? Bangun(KunciSkp kunci, List<TableEntity> baris)
    {
        var alur = baris.FirstOrDefault(b => b.GetString("Baris") == "alur");
        if (alur is null)
        {
            return null;
        }

        var versi = baris.Where(b => b.GetString("Baris") == "versi").Select(v =>
        {
            var perubahan = (JsonSerializer.Deserialize<List<PerubahanJson>>(v.GetString("Perubahan") ?? "[]", JsonOpsi) ?? [])
                .Select(p => new PerubahanTarget(p.Kode, p.Tw, new Target(TableKeys.Desimal(p.Nilai), p.Atas is null ? null : TableKeys.Desimal(p.Atas))))
                .ToList();
            return new VersiSkp(v.GetInt32("Nomor")!.Value, Enum.Parse<JenisVersi>(v.GetString("Jenis")), perubahan, v.GetString("Alasan"),
                TableKeys.Waktu(v.GetString("DibuatPada"))!.Value) { DisetujuiPadaUtc = TableKeys.Waktu(v.GetString("DisetujuiPada")) };
        });
        var audit = baris.Where(b => b.GetString("Baris") == "audit").Select(a =>
        {
            var oleh = a.GetString("Oleh") is { } o ? new Pelaku(Nip.Parse(o), a.GetString("NamaOleh") ?? o) : null;
            var atasNama = a.GetString("AtasNama") is { } n ? new Pelaku(Nip.Parse(n), a.GetString("NamaAtasNama") ?? n) : null;
            return new CatatanAudit(a.GetInt32("Urutan")!.Value, oleh, atasNama, a.GetString("Peran") is { } p ? Enum.Parse<PeranPemutus>(p) : null,
                TableKeys.Waktu(a.GetString("Pada"))!.Value, a.GetString("ZonaWaktu"), Tanggal(a.GetString("TanggalLokal")),
                a.GetString("Dari") is { } dari ? Enum.Parse<StatusSkp>(dari) : null, Enum.Parse<StatusSkp>(a.GetString("Ke")), a.GetInt32("Versi")!.Value,
                a.GetString("Catatan"), new Saluran(a.GetString("Saluran")));
        });
        return PersetujuanSkp.Pulihkan(kunci, Enum.Parse<StatusSkp>(alur.GetString("Status")), versi, audit);
    }

    private static DateOnly Tanggal(string teks) => DateOnly.ParseExact(teks, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions JsonOpsi = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private sealed record PerubahanJson(string Kode, int Tw, string Nilai, string? Atas);
}
