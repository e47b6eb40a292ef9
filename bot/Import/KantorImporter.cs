using System.Globalization;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Import;

/// <summary>
/// Told of each office an import in this process saved (after the save and the SKP seed). The data is saved whatever an
/// observer does: an observer that cannot do its work logs and leaves it to a later catch-up, it does not throw.
/// </summary>
public interface IPengamatImpor
{
    Task KantorDiimporAsync(HasilSimpanKantor hasil, CancellationToken cancellationToken);
}

/// <summary>What an import did: the reading (errors, warnings) and, when it was valid, what the store replaced.</summary>
public sealed record HasilImpor(ImportResult Bacaan, HasilSimpanKantor? Simpan)
{
    public bool Berhasil => Simpan is not null;
}

/// <summary>
/// Reads an office's data and saves it, all or nothing: an invalid file never reaches the store. Used by the
/// <c>import</c> verb and by the web host to load the demo office on first start (<see cref="ImporDemoJikaKosongAsync"/>).
/// After the save, the SKP workflow is seeded (<see cref="IKontrakStore.SemaiAsync"/>) for contracts that have none yet:
/// skp.csv gives the starting state only; a re-import never resets a workflow in progress. The seed is its own
/// transaction and idempotent, so an interruption between the two is healed by importing again. Then every
/// <see cref="IPengamatImpor"/> registered in this process is told (the bot host registers the office's scheduled jobs at
/// once; the CLI registers none).
/// </summary>
public sealed class KantorImporter(DataKantorReader reader, IKantorStore store, IKontrakStore kontrak, TimeProvider time, ILogger<KantorImporter> logger,
    IEnumerable<IPengamatImpor> pengamat)
{
    /// <summary>The demo office shipped with the bot (bot/DemoData/kppn-metro, copied to the output folder).</summary>
    public static string FolderDemo => Path.Combine(AppContext.BaseDirectory, "DemoData", "kppn-metro");

    /// <summary>Reads and, when valid, saves. Never throws for bad data: the errors are in the result.</summary>
    public async Task<HasilImpor> CobaImporAsync(string path, CancellationToken cancellationToken)
    {
        var bacaan = reader.Read(path);
        foreach (var w in bacaan.Warnings)
        {
            ImportLog.Warning(logger, path, w.ToString());
        }

        if (!bacaan.Success)
        {
            ImportLog.Rejected(logger, path, bacaan.Errors.Count, bacaan.Errors.Count > 0 ? bacaan.Errors[0].ToString() : "");
            return new HasilImpor(bacaan, null);
        }

        var simpan = await store.SimpanAsync(bacaan.Data!, cancellationToken).ConfigureAwait(false);
        await kontrak.SemaiAsync(bacaan.Data!, MomenSekarang(bacaan.Data!), cancellationToken).ConfigureAwait(false);
        ImportLog.Imported(logger, simpan.KodeKantor, path, simpan.JumlahUnit, simpan.JumlahPegawai, simpan.JumlahKontrak, simpan.JumlahIku);
        foreach (var p in pengamat)
        {
            await p.KantorDiimporAsync(simpan, cancellationToken).ConfigureAwait(false);
        }

        return new HasilImpor(bacaan, simpan);
    }

    /// <summary>Reads and saves; throws <see cref="ImportFailedException"/> (with every error) when the data is invalid.</summary>
    public async Task<HasilSimpanKantor> ImporAsync(string path, CancellationToken cancellationToken)
    {
        var hasil = await CobaImporAsync(path, cancellationToken).ConfigureAwait(false);
        return hasil.Simpan ?? throw new ImportFailedException(path, hasil.Bacaan.Errors);
    }

    /// <summary>
    /// Loads the demo office when the store holds no office yet (first start); null when there was something already
    /// or the demo folder is missing.
    /// </summary>
    public async Task<HasilSimpanKantor?> ImporDemoJikaKosongAsync(CancellationToken cancellationToken)
    {
        var kantor = await store.DaftarKantorAsync(cancellationToken).ConfigureAwait(false);
        if (kantor.Count > 0)
        {
            ImportLog.DemoSkipped(logger, kantor.Count);
            return null;
        }

        if (!Directory.Exists(FolderDemo))
        {
            ImportLog.DemoMissing(logger, FolderDemo);
            return null;
        }

        return await ImporAsync(FolderDemo, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Now, in the office's zone (its top unit's), for the audit entries of the seed.</summary>
    private MomenKantor MomenSekarang(Kinerja.Domain.Kinerja.DataKantor data)
    {
        var utc = time.GetUtcNow();
        var zona = data.UnitInduk!.ZonaWaktu.IanaId;
        var lokal = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zona));
        return new MomenKantor(utc, zona, DateOnly.FromDateTime(lokal.DateTime));
    }

    /// <summary>The coordinator's summary of a successful import, in Bahasa Indonesia, one line each.</summary>
    public static IReadOnlyList<string> Ringkasan(HasilSimpanKantor hasil)
    {
        ArgumentNullException.ThrowIfNull(hasil);
        var id = CultureInfo.InvariantCulture;
        var baris = new List<string>
        {
            $"Impor {hasil.KodeKantor} berhasil: {hasil.JumlahUnit.ToString(id)} unit, {hasil.JumlahPegawai.ToString(id)} pegawai, " +
            $"{hasil.JumlahKontrak.ToString(id)} kontrak kinerja, {hasil.JumlahIku.ToString(id)} IKU.",
            hasil.KantorBaru
                ? $"Kantor {hasil.KodeKantor} baru disimpan."
                : $"Unit dan pegawai {hasil.KodeKantor} diganti dengan isi berkas.",
        };
        foreach (var tahun in hasil.TahunDiganti)
        {
            baris.Add($"Data tahun {tahun.ToString(id)} untuk {hasil.KodeKantor} diganti.");
        }

        foreach (var tahun in hasil.TahunBaru)
        {
            baris.Add($"Data tahun {tahun.ToString(id)} untuk {hasil.KodeKantor} ditambahkan.");
        }

        if (hasil.TahunDiganti.Count + hasil.TahunBaru.Count == 0)
        {
            baris.Add("Berkas tidak berisi data tahunan (IKU atau nilai perilaku); data tahunan yang tersimpan tidak berubah.");
        }

        return baris;
    }
}
