using Kinerja.Domain.Dialog;

namespace Kinerja.Domain.Ports;

/// <summary>The answer of recording a dialog: saved, or a dialog with this id was already saved (a double click, a re-sent invoke) and comes back as it is.</summary>
public sealed record HasilSimpanDialog(bool Tersimpan, DialogKinerja Dialog);

/// <summary>The answer of saving a follow-up: saved, or another writer changed it first and <see cref="Sekarang"/> is how it is now.</summary>
public sealed record HasilSimpanTindakLanjut(bool Tersimpan, TindakLanjut Sekarang);

/// <summary>
/// Performance dialogs of the offices: the recorded dialogs (agenda with minutes, participants) with their
/// follow-ups, and the leaders' postponements. Office-wide reads are the unit of work (an office holds hundreds of
/// dialogs a year): the schedule, the compliance figures and "my follow-ups" each read one office.
/// </summary>
public interface IDialogStore
{
    /// <summary>
    /// Saves a recorded dialog and its follow-ups atomically (all or nothing). When a dialog with the same id exists,
    /// nothing is written and the stored one comes back (<see cref="HasilSimpanDialog.Tersimpan"/> false).
    /// </summary>
    Task<HasilSimpanDialog> SimpanAsync(DialogKinerja dialog, CancellationToken cancellationToken);

    /// <summary>A dialog with its follow-ups in their current state, or null.</summary>
    Task<DialogKinerja?> MuatAsync(string kodeKantor, string id, CancellationToken cancellationToken);

    /// <summary>The office's dialogs held on or after <paramref name="sejak"/> (office date), oldest first, with their follow-ups in their current state.</summary>
    Task<IReadOnlyList<DialogKinerja>> DaftarAsync(string kodeKantor, DateOnly sejak, CancellationToken cancellationToken);

    /// <summary>The office's follow-ups (all, or only the open ones), by due date.</summary>
    Task<IReadOnlyList<TindakLanjut>> DaftarTindakLanjutAsync(string kodeKantor, bool hanyaTerbuka, CancellationToken cancellationToken);

    Task<TindakLanjut?> MuatTindakLanjutAsync(string kodeKantor, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a closed (done or cancelled) follow-up only if its stored version is still <see cref="TindakLanjut.Versi"/>;
    /// the stored version then moves on by one. Otherwise nothing is written and the current state comes back.
    /// </summary>
    Task<HasilSimpanTindakLanjut> SimpanTindakLanjutAsync(TindakLanjut tindakLanjut, CancellationToken cancellationToken);

    /// <summary>Sets (replaces) the postponement of a series.</summary>
    Task SimpanRencanaAsync(RencanaDialog rencana, CancellationToken cancellationToken);

    /// <summary>The office's postponements.</summary>
    Task<IReadOnlyList<RencanaDialog>> DaftarRencanaAsync(string kodeKantor, CancellationToken cancellationToken);
}
