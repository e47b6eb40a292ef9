using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Kinerja.Domain.Dialog;
using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Salin;

/// <summary>
/// <c>store copy</c> of the performance dialogs (<see cref="IDialogStore"/>): every office's dialogs with agenda,
/// minutes, participants and follow-ups in their current state. A dialog the target lacks is saved whole (its
/// follow-ups arrive as they are, open or closed); a follow-up closed in the source since an earlier copy is closed in
/// the target through the store's versioned save. A follow-up version counts writes in one store, so it is not part
/// of the comparison.
/// </summary>
public sealed class PenyalinDialog : PenyalinStore<DialogKinerja>
{
    private static readonly JsonSerializerOptions SidikJson = new()
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                static info =>
                {
                    if (info.Type == typeof(TindakLanjut) && info.Properties.FirstOrDefault(p => p.Name == nameof(TindakLanjut.Versi)) is { } versi)
                    {
                        info.Properties.Remove(versi);
                    }
                },
            },
        },
    };

    public override string Port => "dialog";

    public override int Urutan => 50;

    protected override async IAsyncEnumerable<DialogKinerja> BacaAsync(IServiceProvider store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kantor = store.GetRequiredService<IKantorStore>();
        var dialog = store.GetRequiredService<IDialogStore>();
        foreach (var kode in await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var d in await dialog.DaftarAsync(kode, DateOnly.MinValue, cancellationToken).ConfigureAwait(false))
            {
                yield return d;
            }
        }
    }

    protected override async Task TulisAsync(IServiceProvider store, DialogKinerja item, CancellationToken cancellationToken)
    {
        var dialog = store.GetRequiredService<IDialogStore>();
        var hasil = await dialog.SimpanAsync(item, cancellationToken).ConfigureAwait(false);
        if (hasil.Tersimpan)
        {
            return;
        }

        // The dialog was there already: bring each follow-up closed in the source since to the target.
        foreach (var sumber in item.TindakLanjut.Where(t => t.Status != StatusTindakLanjut.Terbuka))
        {
            if (await dialog.MuatTindakLanjutAsync(item.KodeKantor, sumber.Id, cancellationToken).ConfigureAwait(false) is { Status: StatusTindakLanjut.Terbuka } tujuan)
            {
                await dialog.SimpanTindakLanjutAsync(new TindakLanjut(sumber.Id, sumber.KodeKantor, sumber.IdDialog, sumber.Seri, sumber.Uraian, sumber.Pic,
                    sumber.Tenggat, sumber.DibuatPada, sumber.Status, sumber.Catatan, sumber.DitutupOleh, sumber.DitutupPadaUtc, tujuan.Versi), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override string Kunci(DialogKinerja item) => $"{item.KodeKantor.ToUpperInvariant()}|{item.Id}";

    protected override string Sidik(DialogKinerja item) => JsonSerializer.Serialize(item, SidikJson);

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(DialogKinerja item) =>
        [("dialog", 1), ("butir notula", item.Agenda.Count), ("tindak lanjut", item.TindakLanjut.Count)];

    protected override IEnumerable<string> ContohEntitas() => ["dialog", "butir notula", "tindak lanjut"];
}

/// <summary><c>store copy</c> of the leaders' postponements of a dialog series (<see cref="RencanaDialog"/>).</summary>
public sealed class PenyalinRencanaDialog : PenyalinStore<RencanaDialog>
{
    public override string Port => "rencana-dialog";

    public override int Urutan => 51;

    protected override async IAsyncEnumerable<RencanaDialog> BacaAsync(IServiceProvider store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var kantor = store.GetRequiredService<IKantorStore>();
        var dialog = store.GetRequiredService<IDialogStore>();
        foreach (var kode in await kantor.DaftarKantorAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var r in await dialog.DaftarRencanaAsync(kode, cancellationToken).ConfigureAwait(false))
            {
                yield return r;
            }
        }
    }

    protected override Task TulisAsync(IServiceProvider store, RencanaDialog item, CancellationToken cancellationToken) =>
        store.GetRequiredService<IDialogStore>().SimpanRencanaAsync(item, cancellationToken);

    protected override string Kunci(RencanaDialog item) => $"{item.KodeKantor.ToUpperInvariant()}|{item.Seri.Kunci}";

    protected override string Sidik(RencanaDialog item) =>
        string.Create(CultureInfo.InvariantCulture, $"{item.Tanggal:yyyy-MM-dd}|{item.Oleh.Nip.Value}|{item.Oleh.Nama}|{Waktu(item.PadaUtc)}");

    protected override IEnumerable<(string Entitas, int Jumlah)> Hitung(RencanaDialog item) => [("penundaan dialog", 1)];

    protected override IEnumerable<string> ContohEntitas() => ["penundaan dialog"];
}
