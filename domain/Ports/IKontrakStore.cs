using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;

namespace Kinerja.Domain.Ports;

/// <summary>
/// The answer of a save: <see cref="Tersimpan"/>, or a conflict (another writer moved the contract first) carrying the
/// state as it is now, on which the caller re-applies its decision (usually to learn the outcome).
/// </summary>
public sealed record HasilSimpanSkp(bool Tersimpan, PersetujuanSkp Sekarang);

/// <summary>A contract waiting for a decision by someone, directly or as Plt./Plh. of <see cref="AtasNama"/>.</summary>
public sealed record SkpMenunggu(KunciSkp Kunci, int Versi, DateTimeOffset DiajukanPadaUtc, Nip? AtasNama);

/// <summary>
/// The SKP workflow of the offices: each contract's state, versions and append-only audit trail, and the Plt./Plh.
/// assignments. Kept apart from <see cref="IKantorStore"/>'s scoring data: re-importing an office's year never touches
/// it; an import only seeds contracts that have no workflow yet (<see cref="SemaiAsync"/>).
/// </summary>
public interface IKontrakStore
{
    /// <summary>The workflow of a contract (state, versions, audit trail in order), or null when none exists.</summary>
    Task<PersetujuanSkp?> MuatAsync(KunciSkp kunci, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the transitions made since the object was loaded (<see cref="PersetujuanSkp.CatatanBaru"/>) atomically,
    /// only if the stored revision is still <see cref="PersetujuanSkp.RevisiTersimpan"/>; otherwise nothing is written
    /// and the current state comes back.
    /// </summary>
    Task<HasilSimpanSkp> SimpanAsync(PersetujuanSkp skp, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the initial workflow (status from skp.csv, else Draft; audit channel <c>impor</c>) for every contract of
    /// <paramref name="data"/> that has none yet. Returns how many were created.
    /// </summary>
    Task<int> SemaiAsync(DataKantor data, MomenKantor pada, CancellationToken cancellationToken);

    /// <summary>
    /// Contracts of the office in <see cref="StatusSkp.Diajukan"/> whose atasan langsung is <paramref name="penyetuju"/>,
    /// or whose atasan <paramref name="penyetuju"/> acts for on <paramref name="hariIni"/>; oldest submission first.
    /// </summary>
    Task<IReadOnlyList<SkpMenunggu>> DaftarMenungguAsync(string kodeKantor, Nip penyetuju, DateOnly hariIni, CancellationToken cancellationToken);

    /// <summary>Adds or replaces (by office and id) a Plt./Plh. assignment.</summary>
    /// <summary>
    /// The workflows of an office's year whose versions change targets (revisions, adenda): what scoring must apply
    /// on top of the imported targets (<see cref="Kontrak.TargetSkp.TerapkanBerlaku"/>).
    /// </summary>
    Task<IReadOnlyList<PersetujuanSkp>> DaftarDenganPerubahanTargetAsync(string kodeKantor, int tahun, CancellationToken cancellationToken);

    Task SimpanDelegasiAsync(Delegasi delegasi, CancellationToken cancellationToken);

    /// <summary>Removes an assignment; false when there was none.</summary>
    Task<bool> HapusDelegasiAsync(string kodeKantor, string id, CancellationToken cancellationToken);

    /// <summary>The office's assignments, by start date.</summary>
    Task<IReadOnlyList<Delegasi>> DaftarDelegasiAsync(string kodeKantor, CancellationToken cancellationToken);
}
