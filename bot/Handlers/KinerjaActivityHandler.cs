using System.Text.Json;
using Kinerja.Cards;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Hosting;
using KinerjaBot.Protocol;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Handlers;

/// <summary>
/// Routes a turn to what the user asked: typed text, an Action.Execute invoke or its Action.Submit fallback all
/// reach the same handlers. Scores are private: they are only ever shown in the personal chat.
/// </summary>
public sealed partial class KinerjaActivityHandler(
    PenggunaResolver resolver,
    NilaiSayaHandler nilaiSaya,
    NilaiTimHandler nilaiTim,
    SkpHandler skp,
    DialogHandler dialog,
    PengirimanHandler pengiriman,
    DasborHandler dasbor,
    IPercakapanStore percakapan,
    IOptions<KinerjaOptions> options,
    TimeProvider time,
    ILogger<KinerjaActivityHandler> logger) : IActivityHandler
{
    public const string PesanPrivat = "Nilai kinerja bersifat pribadi, jadi tidak saya tampilkan di sini. Saya sudah mengirimkannya ke chat pribadi Anda dengan KinerjaBot.";
    public const string PesanHanyaPribadi = "Nilai kinerja hanya ditampilkan di chat pribadi Anda dengan KinerjaBot.";
    public const string PesanGalat = "Maaf, terjadi kesalahan di pihak kami saat memproses permintaan Anda. Silakan coba lagi sebentar lagi.";
    public const string PesanSkpPribadi = "SKP hanya ditampilkan di chat pribadi Anda dengan KinerjaBot. Buka KinerjaBot di chat pribadi lalu ketik **skp** atau **persetujuan**.";
    public const string PesanDialogPribadi = "Dialog kinerja hanya ditampilkan di chat pribadi Anda dengan KinerjaBot. Buka KinerjaBot di chat pribadi lalu ketik **dialog** atau **tindak lanjut**.";
    public const string PesanTimPribadi = "Nilai tim bersifat pribadi bagi atasannya, jadi hanya ditampilkan di chat pribadi Anda dengan KinerjaBot. Buka KinerjaBot di chat pribadi lalu ketik **nilai tim**.";
    public const string PesanDasborPribadi = "Tautan dasbor jadwal bersifat pribadi, jadi hanya dikirim di chat pribadi Anda dengan KinerjaBot. Buka KinerjaBot di chat pribadi lalu ketik **dasbor jadwal**.";
    public const string PesanPribadiTertutup = "Nilai kinerja bersifat pribadi, tetapi saya belum dapat mengirim chat pribadi kepada Anda. Buka KinerjaBot di chat pribadi (Aplikasi → KinerjaBot) lalu ketik **nilai saya** di sana.";

    public async Task OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        // Action.Submit (clients without Universal Actions): a message without text whose value is the card data.
        if (turn.Activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            await OnSubmitAsync(turn, value, cancellationToken);
            return;
        }

        await JalankanAsync(turn, PerintahParser.Parse(PerintahParser.Teks(turn.Activity)), cancellationToken);
    }

    public async Task<InvokeResponse> OnCardActionAsync(Turn turn, AdaptiveCardInvoke action, CancellationToken cancellationToken)
    {
        if (!CardVerbs.TryParse(action.Data, action.Verb, out var data))
        {
            Log.UnknownVerb(logger, action.Verb);
            return MessagesEndpoint.Error(400, "BadRequest", "Aksi kartu ini tidak dikenal.");
        }

        switch (data)
        {
            case NilaiSayaData n:
                if (!turn.Activity.IsPersonal)
                {
                    return MessagesEndpoint.MessageResponse(PesanHanyaPribadi);
                }

                var jawaban = await NilaiSayaAsync(turn, n.Tahun, n.Triwulan, cancellationToken);
                return jawaban.Kartu is { } kartu ? MessagesEndpoint.CardResponse(kartu) : MessagesEndpoint.MessageResponse(jawaban.Teks!);

            case SkpData s:
                if (!turn.Activity.IsPersonal)
                {
                    return MessagesEndpoint.MessageResponse(PesanSkpPribadi);
                }

                var aksi = await SkpAksiAsync(turn, s, Saluran.Teams, cancellationToken);
                if (aksi is { KartuBaru: not null, Kunci: { } kunciSkp } && Asal(turn, turn.Activity.ReplyToId) is { } diklik)
                {
                    // The invoke response replaces the clicked card with this one: it now shows this contract.
                    await skp.IngatKartuAsync(kunciSkp, diklik, cancellationToken);
                }

                return aksi.KartuBaru is { } kartuSkp ? MessagesEndpoint.CardResponse(kartuSkp.ToJson()) : MessagesEndpoint.MessageResponse(aksi.Alasan!);

            case DialogData or TindakLanjutData when !turn.Activity.IsPersonal:
                return MessagesEndpoint.MessageResponse(PesanDialogPribadi);

            case DialogData or TindakLanjutData:
                var hasilDialog = await DenganIdentitasAsync(turn, id => DialogAksiAsync(turn, id, data, cancellationToken), cancellationToken);
                return hasilDialog.Kartu is { } kartuDialog ? MessagesEndpoint.CardResponse(kartuDialog) : MessagesEndpoint.MessageResponse(hasilDialog.Teks!);

            case PerintahData p:
                var perintah = PerintahParser.Parse(p.Teks);
                if (perintah is NilaiSayaPerintah ns && turn.Activity.IsPersonal)
                {
                    var j = await NilaiSayaAsync(turn, ns.Tahun, ns.Triwulan, cancellationToken);
                    return j.Kartu is { } k ? MessagesEndpoint.CardResponse(k) : MessagesEndpoint.MessageResponse(j.Teks!);
                }

                await JalankanAsync(turn, perintah, cancellationToken);
                return MessagesEndpoint.MessageResponse("Baik.");

            case IngatkanBesokData i:
                // The invoke response replaces the clicked card: it now says when the message comes back.
                var tunda = await TundaAsync(turn, i, cancellationToken);
                return tunda.Kartu is { } kartuTunda ? MessagesEndpoint.CardResponse(kartuTunda.ToJson()) : MessagesEndpoint.MessageResponse(tunda.Teks!);

            default:
                return MessagesEndpoint.Error(400, "BadRequest", "Aksi kartu ini tidak dikenal.");
        }
    }

    public const string PesanSambutan = "Saya **KinerjaBot**, asisten kinerja Anda. Ketik **nilai saya** untuk melihat nilai kinerja Anda, atau **bantuan** untuk melihat apa yang bisa saya lakukan.";

    /// <summary>
    /// The app was added to a person's personal scope: the person is identified right away, as a first message would,
    /// so that reminders, approval cards and dialog notices reach someone who installed the app but never typed. A
    /// person the connector cannot tell about is still greeted (the link is made on their first message instead).
    /// </summary>
    public async Task OnInstalledAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsPersonal)
        {
            return;
        }

        string? nama = null;
        try
        {
            var identifikasi = await resolver.ResolveAsync(turn, cancellationToken);
            nama = identifikasi.Identitas is not null ? identifikasi.Nama : null;
        }
        catch (ConnectorException e)
        {
            Log.InstallIdentifyFailed(logger, e.Kind, e.Code);
        }

        var sapaan = nama is { Length: > 0 } ? $"Halo, {nama}! " : "Halo! ";
        await turn.ReplyTextAsync(sapaan + PesanSambutan, cancellationToken);
    }

    public async Task OnTurnErrorAsync(Turn turn, Exception exception, CancellationToken cancellationToken)
    {
        // Teams refused to deliver into the person's own chat: remember why, so coordinators see who cannot be reached.
        if (exception is ConnectorException { Kind: ConnectorErrorKind.Forbidden } forbidden && turn.Activity.IsPersonal)
        {
            await CatatTidakTerjangkauAsync(turn, forbidden, cancellationToken);
            return;
        }

        await turn.ReplyTextAsync(PesanGalat, cancellationToken);
    }

    private async Task OnSubmitAsync(Turn turn, JsonElement value, CancellationToken cancellationToken)
    {
        if (!CardVerbs.TryParse(value, out var data))
        {
            Log.UnknownVerb(logger, value.TryGetProperty(CardVerbs.VerbProperty, out var v) ? v.ToString() : "(none)");
            await turn.ReplyCardAsync(BantuanCard.Render(new BantuanModel()).ToJson(), cancellationToken);
            return;
        }

        switch (data)
        {
            case NilaiSayaData n when turn.Activity.IsPersonal:
                var jawaban = await NilaiSayaAsync(turn, n.Tahun, n.Triwulan, cancellationToken);
                if (jawaban.Kartu is { } kartu && turn.Activity.ReplyToId is { Length: > 0 } cardId)
                {
                    // The same outcome as the invoke path: the card changes in place.
                    await turn.UpdateCardAsync(cardId, kartu, cancellationToken);
                }
                else
                {
                    await JawabAsync(turn, jawaban, cancellationToken);
                }

                break;
            case NilaiSayaData:
                await turn.ReplyTextAsync(PesanHanyaPribadi, cancellationToken);
                break;
            case SkpData when !turn.Activity.IsPersonal:
                await turn.ReplyTextAsync(PesanSkpPribadi, cancellationToken);
                break;
            case SkpData s:
                var aksi = await SkpAksiAsync(turn, s, Saluran.TeamsSubmit, cancellationToken);
                if (aksi.KartuBaru is { } kartuSkp && turn.Activity.ReplyToId is { Length: > 0 } idKartu)
                {
                    // Clients without Universal Actions: the same handler, then the card is replaced with the connector.
                    await turn.UpdateCardAsync(idKartu, kartuSkp.ToJson(), cancellationToken);
                    await IngatAsync(turn, aksi.Kunci, idKartu, cancellationToken);
                }
                else if (aksi.KartuBaru is { } kartuBaru)
                {
                    var terkirim = await turn.ReplyCardAsync(kartuBaru.ToJson(), cancellationToken);
                    await IngatAsync(turn, aksi.Kunci, terkirim.Id, cancellationToken);
                }
                else
                {
                    await turn.ReplyTextAsync(aksi.Alasan!, cancellationToken);
                }

                break;
            case DialogData or TindakLanjutData when !turn.Activity.IsPersonal:
                await turn.ReplyTextAsync(PesanDialogPribadi, cancellationToken);
                break;
            case DialogData or TindakLanjutData:
                var hasilDialog = await DenganIdentitasAsync(turn, id => DialogAksiAsync(turn, id, data, cancellationToken), cancellationToken);
                if (hasilDialog.Kartu is { } kartuDialog && turn.Activity.ReplyToId is { Length: > 0 } idKartuDialog)
                {
                    // Clients without Universal Actions: the same handler, then the card is replaced with the connector.
                    await turn.UpdateCardAsync(idKartuDialog, kartuDialog, cancellationToken);
                }
                else
                {
                    await JawabAsync(turn, hasilDialog, cancellationToken);
                }

                break;
            case PerintahData p:
                await JalankanAsync(turn, PerintahParser.Parse(p.Teks), cancellationToken);
                break;
            case IngatkanBesokData i:
                var tunda = await TundaAsync(turn, i, cancellationToken);
                if (tunda.Kartu is { } kartuTunda && turn.Activity.ReplyToId is { Length: > 0 } idPesan)
                {
                    await turn.UpdateCardAsync(idPesan, kartuTunda.ToJson(), cancellationToken);
                }
                else if (tunda.Kartu is { } kartuBaru)
                {
                    await turn.ReplyCardAsync(kartuBaru.ToJson(), cancellationToken);
                }
                else
                {
                    await turn.ReplyTextAsync(tunda.Teks!, cancellationToken);
                }

                break;
        }
    }

    /// <summary>A dialog card verb, for the person of the activity (never of the card's data).</summary>
    private Task<Jawaban> DialogAksiAsync(Turn turn, IdentitasPengguna identitas, ICardData data, CancellationToken cancellationToken) => data switch
    {
        DialogData { Verb: CardVerbs.BukaDialog } d => dialog.BukaAsync(identitas, d, cancellationToken),
        DialogData { Verb: CardVerbs.SimpanDialog } d => dialog.SimpanAsync(turn.Connector, identitas, d, cancellationToken),
        DialogData { Verb: CardVerbs.TundaDialog } d => dialog.TundaAsync(identitas, d, cancellationToken),
        DialogData d => dialog.LihatAsync(identitas, d, cancellationToken),
        TindakLanjutData t => dialog.SelesaiAsync(identitas, t, cancellationToken),
        _ => Task.FromResult(Jawaban.Pesan("Aksi kartu ini tidak dikenal.")),
    };

    /// <summary><i>Ingatkan besok</i> for the sender of the activity (never the person the card names).</summary>
    private async Task<JawabanPengiriman> TundaAsync(Turn turn, IngatkanBesokData data, CancellationToken cancellationToken)
    {
        var identifikasi = await resolver.ResolveAsync(turn, cancellationToken);
        return identifikasi.Identitas is { } identitas
            ? await pengiriman.TundaAsync(identitas, data, cancellationToken)
            : new JawabanPengiriman(null, Kinerja.Jobs.Pengiriman.PenundaanPengiriman.PesanBukanPenerima);
    }

    private async Task JalankanAsync(Turn turn, Perintah perintah, CancellationToken cancellationToken)
    {
        switch (perintah)
        {
            case NilaiSayaPerintah n when turn.Activity.IsPersonal:
                await JawabAsync(turn, await NilaiSayaAsync(turn, n.Tahun, n.Triwulan, cancellationToken), cancellationToken);
                break;
            case NilaiSayaPerintah n:
                // In a group chat or channel: say where the scores went, and send them only to the person.
                var jawaban = await NilaiSayaAsync(turn, n.Tahun, n.Triwulan, cancellationToken);
                try
                {
                    await turn.SendPersonalAsync(jawaban.Kartu is { } k ? Turn.Card(k) : Turn.Text(jawaban.Teks!), cancellationToken);
                }
                catch (ConnectorException e) when (e.Kind == ConnectorErrorKind.Forbidden)
                {
                    await CatatTidakTerjangkauAsync(turn, e, cancellationToken);
                    await turn.ReplyTextAsync(PesanPribadiTertutup, cancellationToken);
                    break;
                }

                await turn.ReplyTextAsync(PesanPrivat, cancellationToken);
                break;
            case NilaiTimPerintah when !turn.Activity.IsPersonal:
                // A team's scores are the leader's: never shown in a group chat or channel, and not pushed either.
                await turn.ReplyTextAsync(PesanTimPribadi, cancellationToken);
                break;
            case NilaiTimPerintah nt:
                await JawabAsync(turn, await DenganIdentitasAsync(turn, id => nilaiTim.JawabAsync(id, nt.Tahun, nt.Triwulan, nt.Kantor, cancellationToken), cancellationToken), cancellationToken);
                break;
            case SkpPerintah or PersetujuanPerintah when !turn.Activity.IsPersonal:
                await turn.ReplyTextAsync(PesanSkpPribadi, cancellationToken);
                break;
            case SkpPerintah sp:
                var kartuSkp = await DenganIdentitasAsync(turn, id => skp.LihatAsync(id, sp.Tahun, null, cancellationToken), cancellationToken);
                var balasan = await JawabAsync(turn, kartuSkp, cancellationToken);
                await IngatAsync(turn, kartuSkp.Skp, balasan.Id, cancellationToken);
                break;
            case PersetujuanPerintah:
                await JawabAsync(turn, await DenganIdentitasAsync(turn, id => skp.PersetujuanAsync(id, cancellationToken), cancellationToken), cancellationToken);
                break;
            case DialogPerintah or TindakLanjutPerintah when !turn.Activity.IsPersonal:
                await turn.ReplyTextAsync(PesanDialogPribadi, cancellationToken);
                break;
            case DialogPerintah:
                await JawabAsync(turn, await DenganIdentitasAsync(turn, id => dialog.DialogAsync(id, null, cancellationToken), cancellationToken), cancellationToken);
                break;
            case TindakLanjutPerintah:
                await JawabAsync(turn, await DenganIdentitasAsync(turn, id => dialog.TindakLanjutAsync(id, null, gagal: false, cancellationToken), cancellationToken), cancellationToken);
                break;
            case StatusPengirimanPerintah:
                var identifikasiStatus = await resolver.ResolveAsync(turn, cancellationToken);
                var status = identifikasiStatus.Identitas is { } idStatus
                    ? await pengiriman.StatusAsync(idStatus, cancellationToken)
                    : new JawabanPengiriman(null, PengirimanHandler.PesanBukanKoordinator);
                if (status.Kartu is { } kartuStatus)
                {
                    await turn.ReplyCardAsync(kartuStatus.ToJson(), cancellationToken);
                }
                else
                {
                    await turn.ReplyTextAsync(status.Teks!, cancellationToken);
                }
                break;
            case DasborJadwalPerintah when !turn.Activity.IsPersonal:
                // The link opens a session as its owner: never posted where others can click it.
                await turn.ReplyTextAsync(PesanDasborPribadi, cancellationToken);
                break;
            case DasborJadwalPerintah:
                var identifikasiDasbor = await resolver.ResolveAsync(turn, cancellationToken);
                var jawabanDasbor = await dasbor.TautanAsync(turn.Activity.From?.AadObjectId, identifikasiDasbor.Identitas, cancellationToken);
                if (jawabanDasbor.Kartu is { } kartuDasbor)
                {
                    await turn.ReplyCardAsync(kartuDasbor.ToJson(), cancellationToken);
                }
                else
                {
                    await turn.ReplyTextAsync(jawabanDasbor.Teks!, cancellationToken);
                }

                break;
            case BantuanPerintah:
                await turn.ReplyCardAsync(BantuanCard.Render(new BantuanModel()).ToJson(), cancellationToken);
                break;
            case TidakDikenalPerintah t:
                await turn.ReplyCardAsync(BantuanCard.Render(new BantuanModel(t.Teks, t.MungkinMaksud)).ToJson(), cancellationToken);
                break;
            case SalahFormatPerintah s:
                await turn.ReplyTextAsync(s.Pesan, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// An SKP card verb, for the person of the activity (never of the card's data). A card result carries the
    /// contract it shows (<see cref="HasilAksiSkp.Kunci"/>), in the actor's office.
    /// </summary>
    private async Task<HasilAksiSkp> SkpAksiAsync(Turn turn, SkpData data, Saluran saluran, CancellationToken cancellationToken)
    {
        var identifikasi = await resolver.ResolveAsync(turn, cancellationToken);
        if (identifikasi.Identitas is not { } identitas)
        {
            return HasilAksiSkp.Ditolak("Anda belum terdaftar sebagai pegawai di KinerjaBot, jadi tidak dapat bertindak atas SKP ini.");
        }

        if (!Nip.TryParse(data.Nip, out var pemilik, out _))
        {
            return HasilAksiSkp.Ditolak("Kartu ini tidak menunjuk SKP yang sah.");
        }

        var diklik = Asal(turn, turn.Activity.ReplyToId);
        var hasil = data.Verb switch
        {
            CardVerbs.AjukanSkp or CardVerbs.AjukanAdendumSkp => await skp.AjukanAsync(turn.Connector, identitas, data, saluran, diklik, cancellationToken),
            CardVerbs.UbahTargetSkp => await skp.UbahTargetAsync(identitas, data, cancellationToken),
            CardVerbs.SetujuiSkp or CardVerbs.KembalikanSkp =>
                await skp.PutuskanAsync(turn.Connector, identitas, data, data.Verb == CardVerbs.SetujuiSkp, saluran, diklik, cancellationToken),
            _ => await skp.LihatAsync(identitas, data.Tahun, pemilik, cancellationToken) switch
            {
                { KartuCard: { } k } => HasilAksiSkp.Kartu(k),
                var lihat => HasilAksiSkp.Ditolak(lihat.Teks ?? SkpHandler.PesanDataTidakAda),
            },
        };
        return hasil.KartuBaru is null ? hasil : hasil with { Kunci = new KunciSkp(identitas.KodeKantor, data.Tahun, pemilik) };
    }

    /// <summary>The card <paramref name="activityId"/> in this personal chat, seen by the sender; null when the ids are unknown.</summary>
    private static KartuAsal? Asal(Turn turn, string? activityId) =>
        activityId is { Length: > 0 } id && turn.Activity is { IsPersonal: true, ServiceUrl: { Length: > 0 } url, Conversation.Id: { Length: > 0 } conv, From.AadObjectId: { Length: > 0 } aad }
            ? new KartuAsal(url, conv, id, aad, turn.Activity.From.Id)
            : null;

    private Task IngatAsync(Turn turn, KunciSkp? kunci, string? activityId, CancellationToken cancellationToken) =>
        kunci is { } k && Asal(turn, activityId) is { } kartu ? skp.IngatKartuAsync(k, kartu, cancellationToken) : Task.CompletedTask;

    private async Task<Jawaban> DenganIdentitasAsync(Turn turn, Func<IdentitasPengguna, Task<Jawaban>> jawab, CancellationToken cancellationToken)
    {
        var identifikasi = await resolver.ResolveAsync(turn, cancellationToken);
        if (identifikasi.Identitas is not { } identitas)
        {
            var kontak = options.Value.Koordinator;
            return Jawaban.Dari(TidakTerdaftarCard.Render(new TidakTerdaftarModel(
                identifikasi.Nama ?? "Pengguna", identifikasi.Email, kontak.Nama, kontak.Email ?? "")));
        }

        return await jawab(identitas);
    }

    private async Task<Jawaban> NilaiSayaAsync(Turn turn, int? tahun, int? triwulan, CancellationToken cancellationToken)
    {
        var identifikasi = await resolver.ResolveAsync(turn, cancellationToken);
        if (identifikasi.Identitas is not { } identitas)
        {
            var kontak = options.Value.Koordinator;
            return Jawaban.Dari(TidakTerdaftarCard.Render(new TidakTerdaftarModel(
                identifikasi.Nama ?? "Pengguna", identifikasi.Email, kontak.Nama, kontak.Email ?? "")));
        }

        return await nilaiSaya.JawabAsync(identitas, tahun, triwulan, cancellationToken);
    }

    private async Task CatatTidakTerjangkauAsync(Turn turn, ConnectorException e, CancellationToken cancellationToken)
    {
        if (turn.Activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return;
        }

        var alasan = e.Alasan ?? AlasanTidakTerjangkau.Lainnya;
        Log.Unreachable(logger, turn.Activity.From.Id!, alasan, e.Code);
        await percakapan.TandaiTidakTerjangkauAsync(aad, new TidakTerjangkau(alasan, e.Code, time.GetUtcNow()), cancellationToken);
    }

    private static Task<ResourceResponse> JawabAsync(Turn turn, Jawaban jawaban, CancellationToken cancellationToken) =>
        jawaban.Kartu is { } kartu ? turn.ReplyCardAsync(kartu, cancellationToken) : turn.ReplyTextAsync(jawaban.Teks!, cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Unknown card verb {Verb}")]
        public static partial void UnknownVerb(ILogger logger, string verb);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Teams refuses to deliver to user {UserId}: {Alasan} ({Code})")]
        public static partial void Unreachable(ILogger logger, string userId, AlasanTidakTerjangkau alasan, string? code);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "The installing user could not be identified ({Kind}, {Code}); greeted without a link")]
        public static partial void InstallIdentifyFailed(ILogger logger, ConnectorErrorKind kind, string? code);
    }
}
