using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Ports;

/// <summary>What an import changed, for the coordinator's output.</summary>
public sealed record HasilSimpanKantor(
    string KodeKantor,
    bool KantorBaru,
    IReadOnlyList<int> TahunDiganti,
    IReadOnlyList<int> TahunBaru,
    int JumlahUnit,
    int JumlahPegawai,
    int JumlahKontrak,
    int JumlahIku);

/// <summary>
/// The offices' performance data (units, people, contracts with IKU, targets and realisations, behaviour scores).
/// An office is keyed by the code of its top unit (<see cref="DataKantor.UnitInduk"/>).
/// </summary>
public interface IKantorStore
{
    /// <summary>
    /// Saves an imported office in one transaction: its units and people are replaced, and for each year present in
    /// <paramref name="data"/> that year's contracts, realisations and behaviour scores are replaced; other years stay.
    /// </summary>
    Task<HasilSimpanKantor> SimpanAsync(DataKantor data, CancellationToken cancellationToken);

    /// <summary>The whole office, or null when it was never imported.</summary>
    Task<DataKantor?> MuatAsync(string kodeKantor, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> DaftarKantorAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every office's code with its version, which each save raises: one small read, whatever the size of the offices,
    /// so that a job can tell every few minutes which offices changed since it last looked (the schedule's sync).
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> DaftarVersiKantorAsync(CancellationToken cancellationToken);

    /// <summary>Finds the office and NIP of an employee by sign-in e-mail (case-insensitive) across all offices.</summary>
    Task<(string KodeKantor, Nip Nip)?> CariByEmailAsync(string email, CancellationToken cancellationToken);
}

/// <summary>A Teams user matched to an employee once, remembered so the connector is not asked again.</summary>
public sealed record PenggunaTerkait(string AadObjectId, string KodeKantor, Nip Nip, string Email, DateTimeOffset DikaitkanPada);

public interface IPenggunaStore
{
    Task<PenggunaTerkait?> CariAsync(string aadObjectId, CancellationToken cancellationToken);

    /// <summary>The Teams user most recently linked to this employee of the office, or null when none is.</summary>
    Task<PenggunaTerkait?> CariByNipAsync(string kodeKantor, Nip nip, CancellationToken cancellationToken);

    Task SimpanAsync(PenggunaTerkait pengguna, CancellationToken cancellationToken);
}
