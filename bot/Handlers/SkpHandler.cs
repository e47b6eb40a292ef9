using System.Globalization;
using Kinerja.Cards;
using Kinerja.Domain;
using Kinerja.Domain.Kalender;
using Kinerja.Domain.Kinerja;
using Kinerja.Domain.Kontrak;
using Kinerja.Domain.Organisasi;
using Kinerja.Domain.Ports;
using KinerjaBot.Protocol;

namespace KinerjaBot.Handlers;

/// <summary>
/// The SKP workflow from Teams: <c>skp</c>, <c>persetujuan</c> and the card verbs <c>lihatSkp</c>, <c>ajukanSkp</c>,
/// <c>setujuiSkp</c>, <c>kembalikanSkp</c>. Translation only: the actor is the person resolved from the authenticated
/// activity (<see cref="IdentitasPengguna"/>), the card data only says which contract and version; who may act is
/// <see cref="OtorisasiSkp"/>'s answer, transitions are <see cref="PersetujuanSkp"/>'s and races are settled by
/// <see cref="KeputusanSkp"/>. The office's date comes from the injected clock in the owner's unit's time zone.
/// </summary>
public sealed partial class SkpHandler(
    IKantorStore kantorStore,
    IKontrakStore kontrakStore,
    IPenggunaStore penggunaStore,
    IPercakapanStore percakapanStore,
    IKartuSkpStore kartuStore,
    IKalenderKerja kalender,
    TimeProvider time,
    ILogger<SkpHandler> logger)
{
    public const string PesanDataTidakAda = "Data Anda tidak ditemukan lagi di data kantor. Hubungi Manajer Kinerja Pegawai kantor Anda.";

    /// <summary><c>skp [tahun]</c>, or <c>lihatSkp</c> of a card: the contract in the view of <paramref name="identitas"/>.</summary>
    public async Task<Jawaban> LihatAsync(IdentitasPengguna identitas, int? tahun, Nip? pemilik, CancellationToken cancellationToken)
    {
        var data = await kantorStore.MuatAsync(identitas.KodeKantor, cancellationToken);
        if (data?.CariPegawai(identitas.Nip) is null)
        {
            return Jawaban.Pesan(PesanDataTidakAda);
        }

        var nipPemilik = pemilik ?? identitas.Nip;
        var th = tahun ?? await TahunBawaanAsync(data, identitas.KodeKantor, nipPemilik, cancellationToken);
        if (th is not { } t)
        {
            return Jawaban.Pesan("Anda belum punya SKP di KinerjaBot. Hubungi Manajer Kinerja Pegawai kantor Anda.");
        }

        var alur = await kontrakStore.MuatAsync(new KunciSkp(identitas.KodeKantor, t, nipPemilik), cancellationToken);
        if (alur is null)
        {
            return Jawaban.Pesan(string.Create(CultureInfo.InvariantCulture, $"SKP tahun {t} {(nipPemilik == identitas.Nip ? "Anda" : "ini")} belum ada di KinerjaBot."));
        }

        return Jawaban.Dari(await KartuAsync(data, alur, identitas.Nip, null, cancellationToken)) with { Skp = alur.Kunci };
    }

    /// <summary><c>persetujuan</c>: everything waiting for this person (also as Plt./Plh.), oldest first.</summary>
    public async Task<Jawaban> PersetujuanAsync(IdentitasPengguna identitas, CancellationToken cancellationToken)
    {
        var data = await kantorStore.MuatAsync(identitas.KodeKantor, cancellationToken);
        if (data?.CariPegawai(identitas.Nip) is not { } saya)
        {
            return Jawaban.Pesan(PesanDataTidakAda);
        }

        var (_, hariIni, zona) = Sekarang(data, saya);
        var menunggu = await kontrakStore.DaftarMenungguAsync(identitas.KodeKantor, identitas.Nip, hariIni, cancellationToken);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId);
        var items = new List<SkpMenungguItem>();
        foreach (var m in menunggu)
        {
            if (data.CariPegawai(m.Kunci.Pemilik) is not { } pemilik)
            {
                continue;
            }

            var diajukan = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(m.DiajukanPadaUtc, tz).DateTime);
            var atasNama = m.AtasNama is { } an ? data.CariPegawai(an)?.Nama ?? an.Tampilan : null;
            items.Add(new SkpMenungguItem(pemilik, m.Kunci.Tahun, m.Versi, diajukan, Tenggat(m.Kunci, pemilik), atasNama));
        }

        return Jawaban.Dari(PersetujuanCard.Render(new PersetujuanModel(saya.Nama, items, hariIni)));
    }

    /// <summary>
    /// <c>ubahTargetSkp</c>: the owner's edit card of the targets — a revision before submitting (Draft, Dikembalikan)
    /// or an adendum (Disetujui). Anyone else is refused; while the SKP waits for a decision the normal card answers.
    /// </summary>
    public async Task<HasilAksiSkp> UbahTargetAsync(IdentitasPengguna identitas, SkpData d, CancellationToken cancellationToken)
    {
        var muat = await MuatAsync(identitas, d, cancellationToken);
        if (muat.Gagal is { } gagal)
        {
            return gagal;
        }

        var (data, alur, kunci) = (muat.Data!, muat.Alur!, muat.Kunci);
        var otorisasi = OtorisasiSkp.PeriksaPengajuan(data, alur, identitas.Nip);
        if (!otorisasi.Boleh)
        {
            Log.Refused(logger, d.Verb, kunci.ToString());
            return HasilAksiSkp.Ditolak(otorisasi.Alasan);
        }

        if (d.Versi != alur.VersiTerakhir.Nomor)
        {
            return HasilAksiSkp.Kartu(await KartuAsync(data, alur, identitas.Nip, PesanVersiUsang(d.Versi, alur), cancellationToken));
        }

        if (alur.Status == StatusSkp.Diajukan)
        {
            return HasilAksiSkp.Kartu(await KartuAsync(data, alur, identitas.Nip,
                "SKP ini sedang menunggu keputusan atasan; target dapat diubah lagi setelah diputuskan.", cancellationToken));
        }

        Log.EditOpened(logger, kunci.ToString(), alur.VersiTerakhir.Nomor);
        return HasilAksiSkp.Kartu(SkpCard.RenderUbah(await ModelAsync(data, alur, identitas.Nip, null, TampilanSkp.Pemilik, cancellationToken)));
    }

    /// <summary>
    /// <c>ajukanSkp</c> (with revised targets from the edit card, or unchanged) and <c>ajukanAdendumSkp</c>: the owner
    /// submits; the approver in force then gets the approval card in their chat. Typed targets are checked on the server
    /// (<see cref="UsulanTarget"/>); a refusal saves nothing.
    /// </summary>
    /// <remarks><paramref name="asal"/> is the card clicked, when known: it gets the new card from the caller, so it is not updated here.</remarks>
    public async Task<HasilAksiSkp> AjukanAsync(IConnectorClient connector, IdentitasPengguna identitas, SkpData d, Saluran saluran, KartuAsal? asal,
        CancellationToken cancellationToken)
    {
        var adendum = d.Verb == CardVerbs.AjukanAdendumSkp;
        var muat = await MuatAsync(identitas, d, cancellationToken);
        if (muat.Gagal is { } gagal)
        {
            return gagal;
        }

        var (data, alur, kunci) = (muat.Data!, muat.Alur!, muat.Kunci);
        var otorisasi = OtorisasiSkp.PeriksaPengajuan(data, alur, identitas.Nip);
        if (!otorisasi.Boleh)
        {
            Log.Refused(logger, d.Verb, kunci.ToString());
            return HasilAksiSkp.Ditolak(otorisasi.Alasan);
        }

        var pemilik = data.CariPegawai(identitas.Nip)!;
        if (d.Versi != alur.VersiTerakhir.Nomor)
        {
            return HasilAksiSkp.Kartu(await KartuAsync(data, alur, identitas.Nip, PesanVersiUsang(d.Versi, alur), cancellationToken));
        }

        if (alur.Status == StatusSkp.Diajukan)
        {
            // A double click or a re-sent submit: nothing new, the card says where it stands.
            return HasilAksiSkp.Kartu(await KartuAsync(data, alur, identitas.Nip,
                adendum ? "Adendum SKP ini sudah diajukan dan menunggu keputusan atasan." : "SKP ini sudah diajukan dan menunggu keputusan atasan.", cancellationToken));
        }

        if (adendum && alur.Status != StatusSkp.Disetujui)
        {
            return HasilAksiSkp.Ditolak("Adendum hanya untuk SKP yang sudah disetujui. SKP ini berstatus " + PersetujuanSkp.NamaStatus(alur.Status) +
                                        ": ubah targetnya lalu ajukan.");
        }

        var usulan = UsulanTarget.Periksa(data.CariKontrak(kunci.Tahun, kunci.Pemilik), alur, d.Target);
        if (!usulan.Sah)
        {
            Log.TargetsRefused(logger, d.Verb, kunci.ToString(), usulan.Kesalahan.Count);
            return HasilAksiSkp.Ditolak(usulan.Pesan);
        }

        if (adendum && usulan.Perubahan.Count == 0)
        {
            return HasilAksiSkp.Ditolak("Tidak ada target yang berubah. Ubah paling sedikit satu target untuk mengajukan adendum.");
        }

        if (adendum && d.Alasan is null)
        {
            return HasilAksiSkp.Ditolak("Alasan adendum wajib diisi: tuliskan mengapa target perlu diubah.");
        }

        if (!d.Kesanggupan)
        {
            return HasilAksiSkp.Ditolak("Centang Pernyataan Kesanggupan sebelum mengajukan SKP.");
        }

        var (momen, _, _) = Sekarang(data, pemilik);
        try
        {
            if (adendum)
            {
                alur.AjukanAdendum(Pelaku.Dari(pemilik), momen, usulan.Perubahan, d.Alasan!, pernyataanKesanggupanDiterima: true, saluran);
            }
            else
            {
                alur.Ajukan(Pelaku.Dari(pemilik), momen, pernyataanKesanggupanDiterima: true, saluran, usulan.Perubahan, d.Alasan);
            }
        }
        catch (DomainException e)
        {
            return HasilAksiSkp.Ditolak(e.Message);
        }

        var simpan = await kontrakStore.SimpanAsync(alur, cancellationToken);
        if (!simpan.Tersimpan)
        {
            return HasilAksiSkp.Kartu(await KartuAsync(data, simpan.Sekarang, identitas.Nip, "SKP ini baru saja berubah. Inilah keadaan terbarunya.", cancellationToken));
        }

        if (adendum)
        {
            Log.AdendumSubmitted(logger, kunci.ToString(), alur.VersiTerakhir.Nomor, usulan.Perubahan.Count);
        }
        else
        {
            Log.Submitted(logger, kunci.ToString(), alur.VersiTerakhir.Nomor);
        }

        await PerbaruiKartuAsync(connector, data, alur, asal, cancellationToken);
        await KirimKePenyetujuAsync(connector, data, alur, cancellationToken);
        var pesan = adendum
            ? "Adendum SKP Anda sudah diajukan ke atasan langsung. Sampai disetujui, target versi " +
              (alur.VersiBerlaku?.Nomor ?? 1).ToString(CultureInfo.InvariantCulture) + " tetap berlaku."
            : "SKP Anda sudah diajukan ke atasan langsung.";
        return HasilAksiSkp.Kartu(await KartuAsync(data, alur, identitas.Nip, pesan, cancellationToken), berubah: true);
    }

    /// <summary><c>setujuiSkp</c> / <c>kembalikanSkp</c>: a decision on the version the card showed; the owner is told.</summary>
    public async Task<HasilAksiSkp> PutuskanAsync(IConnectorClient connector, IdentitasPengguna identitas, SkpData d, bool setujui, Saluran saluran,
        KartuAsal? asal, CancellationToken cancellationToken)
    {
        var muat = await MuatAsync(identitas, d, cancellationToken);
        if (muat.Gagal is { } gagal)
        {
            return gagal;
        }

        var (data, alur, kunci) = (muat.Data!, muat.Alur!, muat.Kunci);
        var pemilik = data.CariPegawai(kunci.Pemilik);
        if (pemilik is null)
        {
            return HasilAksiSkp.Ditolak($"Pegawai {kunci.Pemilik.Tampilan} tidak ada di data kantor.");
        }

        var (momen, hariIni, _) = Sekarang(data, pemilik);
        var delegasi = await kontrakStore.DaftarDelegasiAsync(identitas.KodeKantor, cancellationToken);
        var otorisasi = OtorisasiSkp.PeriksaKeputusan(data, alur, identitas.Nip, delegasi, hariIni);
        if (!otorisasi.Boleh)
        {
            Log.Refused(logger, d.Verb, kunci.ToString());
            return HasilAksiSkp.Ditolak(otorisasi.Alasan);
        }

        if (!setujui && d.Catatan is null)
        {
            return HasilAksiSkp.Ditolak("Catatan wajib diisi saat mengembalikan SKP: tuliskan apa yang perlu diperbaiki.");
        }

        HasilKeputusan hasil;
        try
        {
            hasil = await KeputusanSkp.PutuskanAsync(kontrakStore, kunci, skp =>
            {
                // Authorized again on the state being decided: it may have changed since the first look.
                var izin = OtorisasiSkp.PeriksaKeputusan(data, skp, identitas.Nip, delegasi, hariIni).Izin
                           ?? throw new DomainException(otorisasi.Alasan);
                return setujui ? skp.Setujui(izin, momen, d.Versi, saluran) : skp.Kembalikan(izin, momen, d.Versi, d.Catatan!, saluran);
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            return HasilAksiSkp.Ditolak(e.Message);
        }

        var sekarang = await kontrakStore.MuatAsync(kunci, cancellationToken) ?? alur;
        if (hasil.Berhasil)
        {
            Log.Decided(logger, kunci.ToString(), hasil.Status, hasil.VersiTerakhir);
            await PerbaruiKartuAsync(connector, data, sekarang, asal, cancellationToken);
            var catatan = hasil.Keputusan?.Catatan is { } c && hasil.Status == StatusSkp.Disetujui ? $" Catatan: {c}" : "";
            var pesan = $"**SKP {kunci.Tahun.ToString(CultureInfo.InvariantCulture)} Anda**: {hasil.Pesan}{catatan}" +
                        (hasil.Status == StatusSkp.Dikembalikan ? " Perbaiki lalu ajukan lagi: ketik **skp " + kunci.Tahun.ToString(CultureInfo.InvariantCulture) + "**." : "");
            await KirimAsync(connector, kunci.KodeKantor, kunci.Pemilik, Turn.Text(pesan), cancellationToken);
        }

        return HasilAksiSkp.Kartu(await KartuAsync(data, sekarang, identitas.Nip, hasil.Pesan, cancellationToken), berubah: hasil.Berhasil);
    }

    /// <summary>The card of <paramref name="alur"/> in the view of <paramref name="penonton"/>.</summary>
    private async Task<AdaptiveCard> KartuAsync(DataKantor data, PersetujuanSkp alur, Nip penonton, string? pesan, CancellationToken cancellationToken,
        TampilanSkp? tampilan = null) =>
        SkpCard.Render(await ModelAsync(data, alur, penonton, pesan, tampilan, cancellationToken));

    private async Task<SkpModel> ModelAsync(DataKantor data, PersetujuanSkp alur, Nip penonton, string? pesan, TampilanSkp? tampilan,
        CancellationToken cancellationToken)
    {
        var pemilik = data.CariPegawai(alur.Kunci.Pemilik) ?? throw new DomainException($"Pegawai {alur.Kunci.Pemilik} tidak ada di data kantor");
        var atasan = pemilik.NipAtasan is { } na ? data.CariPegawai(na) : null;
        var (_, hariIni, _) = Sekarang(data, pemilik);
        var delegasi = await kontrakStore.DaftarDelegasiAsync(alur.Kunci.KodeKantor, cancellationToken);
        var view = tampilan ?? (penonton == pemilik.Nip
            ? TampilanSkp.Pemilik
            : OtorisasiSkp.PeriksaKeputusan(data, alur, penonton, delegasi, hariIni).Boleh ? TampilanSkp.Penyetuju : TampilanSkp.Lainnya);
        var penyetuju = Penyetuju(data, pemilik, delegasi, hariIni);
        var userIds = new List<string>();
        foreach (var nip in new[] { (Nip?)pemilik.Nip, penyetuju?.Nip })
        {
            if (nip is { } n && await MriAsync(alur.Kunci.KodeKantor, n, cancellationToken) is { } mri && !userIds.Contains(mri))
            {
                userIds.Add(mri);
            }
        }

        return new SkpModel(pemilik, atasan, data.CariKontrak(alur.Kunci.Tahun, pemilik.Nip), alur, Tenggat(alur.Kunci, pemilik), hariIni, view, userIds, pesan);
    }

    /// <summary>Who decides today: the Plt./Plh. in force for the atasan langsung, else the atasan langsung.</summary>
    private static Pegawai? Penyetuju(DataKantor data, Pegawai pemilik, IReadOnlyList<Delegasi> delegasi, DateOnly hariIni)
    {
        if (pemilik.NipAtasan is not { } nipAtasan)
        {
            return null;
        }

        var plt = delegasi.FirstOrDefault(x => x.Digantikan == nipAtasan && x.BerlakuPada(hariIni));
        return plt is not null ? data.CariPegawai(plt.Pelaksana) ?? data.CariPegawai(nipAtasan) : data.CariPegawai(nipAtasan);
    }

    private async Task KirimKePenyetujuAsync(IConnectorClient connector, DataKantor data, PersetujuanSkp alur, CancellationToken cancellationToken)
    {
        var pemilik = data.CariPegawai(alur.Kunci.Pemilik)!;
        var (_, hariIni, _) = Sekarang(data, pemilik);
        var delegasi = await kontrakStore.DaftarDelegasiAsync(alur.Kunci.KodeKantor, cancellationToken);
        if (Penyetuju(data, pemilik, delegasi, hariIni) is not { } penyetuju)
        {
            Log.NoApprover(logger, alur.Kunci.ToString());
            return;
        }

        var apa = alur.VersiTerakhir.Jenis == JenisVersi.Adendum ? "adendum SKP" : "SKP";
        var kartu = await KartuAsync(data, alur, penyetuju.Nip, $"{pemilik.Nama} mengajukan {apa} {alur.Kunci.Tahun.ToString(CultureInfo.InvariantCulture)} untuk Anda setujui.",
            cancellationToken, TampilanSkp.Penyetuju);
        if (await KirimAsync(connector, alur.Kunci.KodeKantor, penyetuju.Nip, Turn.Card(kartu.ToJson()), cancellationToken) is { } terkirim)
        {
            await IngatKartuAsync(alur.Kunci, terkirim, cancellationToken);
        }
    }

    /// <summary>Remembers an SKP card now in someone's chat, so that later transitions update it in place.</summary>
    public Task IngatKartuAsync(KunciSkp kunci, KartuAsal kartu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kartu);
        return kartuStore.IngatAsync(new KartuSkp(kunci, kartu.AadObjectId, kartu.UserId, kartu.ServiceUrl, kartu.ConversationId, kartu.ActivityId, time.GetUtcNow()),
            cancellationToken);
    }

    /// <summary>
    /// After a transition: every remembered card of the contract is replaced in place (PUT) with the view of the person
    /// who looks at it — the owner's view for the owner, the approver's for whoever decides now (atasan or Plt./Plh.) or
    /// may decide, read-only for anyone else. <paramref name="kecuali"/>, the card clicked, is left out: the invoke
    /// response or the submit path's own PUT already replaces it (the same card, one call fewer inside the invoke's
    /// time budget). A failure is logged and never undoes or fails the decision, which is already saved; a card the
    /// connector no longer knows (404) is forgotten.
    /// </summary>
    private async Task PerbaruiKartuAsync(IConnectorClient connector, DataKantor data, PersetujuanSkp alur, KartuAsal? kecuali, CancellationToken cancellationToken)
    {
        var kartu = await kartuStore.DaftarAsync(alur.Kunci, cancellationToken);
        if (kartu.Count == 0 || data.CariPegawai(alur.Kunci.Pemilik) is not { } pemilik)
        {
            return;
        }

        var (_, hariIni, _) = Sekarang(data, pemilik);
        var delegasi = await kontrakStore.DaftarDelegasiAsync(alur.Kunci.KodeKantor, cancellationToken);
        var penyetuju = Penyetuju(data, pemilik, delegasi, hariIni);
        var tampilanPer = new Dictionary<string, TampilanSkp>(StringComparer.OrdinalIgnoreCase);
        var kartuPer = new Dictionary<TampilanSkp, AdaptiveCard>();
        foreach (var k in kartu)
        {
            if (kecuali is not null && k.ConversationId == kecuali.ConversationId && k.ActivityId == kecuali.ActivityId)
            {
                continue;
            }

            if (!tampilanPer.TryGetValue(k.AadObjectId, out var tampilan))
            {
                var nip = await penggunaStore.CariAsync(k.AadObjectId, cancellationToken) is { } p
                          && string.Equals(p.KodeKantor.Trim(), alur.Kunci.KodeKantor.Trim(), StringComparison.OrdinalIgnoreCase)
                    ? p.Nip
                    : (Nip?)null;
                tampilan = nip is not { } n ? TampilanSkp.Lainnya
                    : n == pemilik.Nip ? TampilanSkp.Pemilik
                    : n == penyetuju?.Nip || OtorisasiSkp.PeriksaKeputusan(data, alur, n, delegasi, hariIni).Boleh ? TampilanSkp.Penyetuju
                    : TampilanSkp.Lainnya;
                tampilanPer[k.AadObjectId] = tampilan;
            }

            if (!kartuPer.TryGetValue(tampilan, out var isi))
            {
                isi = await KartuAsync(data, alur, pemilik.Nip, null, cancellationToken, tampilan);
                kartuPer[tampilan] = isi;
            }

            var pembaruan = Turn.Card(isi.ToJson());
            pembaruan.ServiceUrl = k.ServiceUrl;
            pembaruan.Recipient = new ChannelAccount { Id = k.UserId, AadObjectId = k.AadObjectId };
            pembaruan.Conversation = new ConversationAccount { Id = k.ConversationId, ConversationType = "personal" };
            pembaruan.Locale = "id-ID";
            try
            {
                await connector.UpdateActivityAsync(k.ServiceUrl, k.ConversationId, k.ActivityId, pembaruan, cancellationToken);
                Log.CardUpdated(logger, alur.Kunci.ToString(), k.ActivityId, tampilan);
            }
            catch (ConnectorException e) when (e.Kind == ConnectorErrorKind.NotFound)
            {
                Log.CardGone(logger, alur.Kunci.ToString(), k.ActivityId, e.Code);
                await kartuStore.LupakanAsync(k.ConversationId, k.ActivityId, cancellationToken);
            }
            catch (ConnectorException e)
            {
                Log.CardUpdateFailed(logger, alur.Kunci.ToString(), k.ActivityId, e.Kind, e.Code);
            }
        }
    }

    /// <summary>
    /// Sends to the person's stored 1:1 chat (IPercakapanStore). No link, no reference or a refusal: logged and skipped,
    /// never an error for the actor (the workflow already moved; the person sees it with <c>skp</c>/<c>persetujuan</c>).
    /// </summary>
    /// <returns>Where the message now is (for a card to be updated later), or null when it was not sent or has no id.</returns>
    private async Task<KartuAsal?> KirimAsync(IConnectorClient connector, string kodeKantor, Nip nip, Activity pesan, CancellationToken cancellationToken)
    {
        if (await penggunaStore.CariByNipAsync(kodeKantor, nip, cancellationToken) is not { } terkait
            || await percakapanStore.CariAsync(terkait.AadObjectId, cancellationToken) is not { Referensi: { Dihapus: false } r })
        {
            Log.NoConversation(logger, nip.ToString());
            return null;
        }

        pesan.ChannelId = r.ChannelId;
        pesan.ServiceUrl = r.ServiceUrl;
        pesan.From = r.BotId is { } bot ? new ChannelAccount { Id = bot } : null;
        pesan.Recipient = new ChannelAccount { Id = r.UserId, AadObjectId = r.AadObjectId };
        pesan.Conversation = new ConversationAccount { Id = r.ConversationId, ConversationType = "personal", TenantId = r.TenantId };
        pesan.Locale ??= "id-ID";
        try
        {
            var terkirim = await connector.SendToConversationAsync(r.ServiceUrl, r.ConversationId, pesan, cancellationToken);
            Log.Sent(logger, nip.ToString());
            return terkirim.Id is { Length: > 0 } id ? new KartuAsal(r.ServiceUrl, r.ConversationId, id, terkait.AadObjectId, r.UserId) : null;
        }
        catch (ConnectorException e)
        {
            Log.SendFailed(logger, nip.ToString(), e.Kind, e.Code);
            if (e.Kind == ConnectorErrorKind.Forbidden)
            {
                await percakapanStore.TandaiTidakTerjangkauAsync(terkait.AadObjectId,
                    new TidakTerjangkau(e.Alasan ?? AlasanTidakTerjangkau.Lainnya, e.Code, time.GetUtcNow()), cancellationToken);
            }

            return null;
        }
    }

    private async Task<string?> MriAsync(string kodeKantor, Nip nip, CancellationToken cancellationToken) =>
        await penggunaStore.CariByNipAsync(kodeKantor, nip, cancellationToken) is { } terkait
        && await percakapanStore.CariAsync(terkait.AadObjectId, cancellationToken) is { Referensi.UserId: { Length: > 0 } mri }
            ? mri
            : null;

    private sealed record Muatan(DataKantor? Data, PersetujuanSkp? Alur, KunciSkp Kunci, HasilAksiSkp? Gagal);

    /// <summary>The office of the actor (never of the card) and the contract the card names.</summary>
    private async Task<Muatan> MuatAsync(IdentitasPengguna identitas, SkpData d, CancellationToken cancellationToken)
    {
        var data = await kantorStore.MuatAsync(identitas.KodeKantor, cancellationToken);
        if (data?.CariPegawai(identitas.Nip) is null)
        {
            return new Muatan(null, null, default, HasilAksiSkp.Ditolak(PesanDataTidakAda));
        }

        if (!Nip.TryParse(d.Nip, out var nip, out _))
        {
            return new Muatan(null, null, default, HasilAksiSkp.Ditolak("Kartu ini tidak menunjuk SKP yang sah."));
        }

        var kunci = new KunciSkp(identitas.KodeKantor, d.Tahun, nip);
        var alur = await kontrakStore.MuatAsync(kunci, cancellationToken);
        return alur is null
            ? new Muatan(null, null, kunci, HasilAksiSkp.Ditolak("SKP yang ditunjuk kartu ini tidak ada di kantor Anda."))
            : new Muatan(data, alur, kunci, null);
    }

    private static string PesanVersiUsang(int versiKartu, PersetujuanSkp alur) => string.Create(CultureInfo.InvariantCulture,
        $"Kartu ini menampilkan versi {versiKartu}, tetapi SKP ini sudah berubah menjadi versi {alur.VersiTerakhir.Nomor} (status {PersetujuanSkp.NamaStatus(alur.Status)}). Inilah kartu terbarunya.");

    /// <summary>The owner's deadline as the reminders count it (a new CPNS: 15 working days of the office's calendar).</summary>
    private TenggatSkp Tenggat(KunciSkp kunci, Pegawai pemilik) => TenggatSkp.UntukPegawai(kunci.Tahun, pemilik, kalender, kunci.KodeKantor);

    /// <summary>
    /// The year <c>skp</c> shows: the current year (issue #4), unless its SKP is already approved and next year's SKP
    /// — prepared from November, due 31 January — still needs action, which is then what the owner is looking for.
    /// Without a contract this year or next, the latest earlier one.
    /// </summary>
    private async Task<int?> TahunBawaanAsync(DataKantor data, string kodeKantor, Nip nip, CancellationToken cancellationToken)
    {
        var tahunIni = time.GetUtcNow().Year;
        bool Ada(int t) => data.CariKontrak(t, nip) is not null;
        async Task<bool> PerluTindakan(int t) =>
            (await kontrakStore.MuatAsync(new KunciSkp(kodeKantor, t, nip), cancellationToken))?.Status is { } st && st != StatusSkp.Disetujui;

        if (Ada(tahunIni) && (await PerluTindakan(tahunIni) || !Ada(tahunIni + 1) || !await PerluTindakan(tahunIni + 1)))
        {
            return tahunIni;
        }

        return Ada(tahunIni + 1) ? tahunIni + 1 : data.TahunKontrak.Where(t => t < tahunIni && Ada(t)).Select(t => (int?)t).LastOrDefault();
    }

    /// <summary>Now in the office of <paramref name="pegawai"/>: the instant, its local date, the zone.</summary>
    private (MomenKantor Momen, DateOnly HariIni, ZonaWaktu Zona) Sekarang(DataKantor data, Pegawai pegawai)
    {
        var zona = data.CariUnit(pegawai.KodeUnit)?.ZonaWaktu ?? data.UnitInduk?.ZonaWaktu ?? ZonaWaktu.Wib;
        var utc = time.GetUtcNow();
        var lokal = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zona.IanaId)).DateTime);
        return (new MomenKantor(utc, zona.IanaId, lokal), lokal, zona);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "SKP {Kunci} submitted (version {Versi})")]
        public static partial void Submitted(ILogger logger, string kunci, int versi);

        [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "SKP {Kunci} decided: {Status} (version {Versi})")]
        public static partial void Decided(ILogger logger, string kunci, StatusSkp status, int versi);

        [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "SKP action {Verb} on {Kunci} refused for the sender")]
        public static partial void Refused(ILogger logger, string verb, string kunci);

        [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "No stored conversation for employee {Nip}: proactive SKP message skipped")]
        public static partial void NoConversation(ILogger logger, string nip);

        [LoggerMessage(EventId = 7005, Level = LogLevel.Warning, Message = "Proactive SKP message to employee {Nip} failed: {Kind} ({Code})")]
        public static partial void SendFailed(ILogger logger, string nip, ConnectorErrorKind kind, string? code);

        [LoggerMessage(EventId = 7006, Level = LogLevel.Information, Message = "Proactive SKP message sent to employee {Nip}")]
        public static partial void Sent(ILogger logger, string nip);

        [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "SKP {Kunci} has no approver in the office data")]
        public static partial void NoApprover(ILogger logger, string kunci);

        [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "SKP {Kunci}: adendum submitted (version {Versi}, {Jumlah} targets changed)")]
        public static partial void AdendumSubmitted(ILogger logger, string kunci, int versi, int jumlah);

        [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "SKP action {Verb} on {Kunci}: typed targets refused ({Jumlah} problems), nothing saved")]
        public static partial void TargetsRefused(ILogger logger, string verb, string kunci, int jumlah);

        [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "SKP {Kunci}: target edit card opened (version {Versi})")]
        public static partial void EditOpened(ILogger logger, string kunci, int versi);

        [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "SKP card {ActivityId} of {Kunci} updated in place ({Tampilan} view)")]
        public static partial void CardUpdated(ILogger logger, string kunci, string activityId, TampilanSkp tampilan);

        [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "SKP card {ActivityId} of {Kunci} no longer exists ({Code}): forgotten")]
        public static partial void CardGone(ILogger logger, string kunci, string activityId, string? code);

        [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "SKP card {ActivityId} of {Kunci} could not be updated: {Kind} ({Code}); the decision stands")]
        public static partial void CardUpdateFailed(ILogger logger, string kunci, string activityId, ConnectorErrorKind kind, string? code);
    }
}

/// <summary>
/// Where an SKP card is and who looks at it: the connector's service URL, the conversation, the card's activity id,
/// and the person (Entra ID object id, Teams user id).
/// </summary>
public sealed record KartuAsal(string ServiceUrl, string ConversationId, string ActivityId, string AadObjectId, string? UserId);

/// <summary>The outcome of an SKP action: a card for the clicker (<see cref="Berubah"/> when a transition happened), or a refusal text (nothing changed).</summary>
public sealed record HasilAksiSkp(AdaptiveCard? KartuBaru, string? Alasan, bool Berubah)
{
    /// <summary>The contract the card shows (set by the router for a card result).</summary>
    public KunciSkp? Kunci { get; init; }

    public static HasilAksiSkp Ditolak(string alasan) => new(null, alasan, false);

    public static HasilAksiSkp Kartu(AdaptiveCard kartu, bool berubah = false) => new(kartu, null, berubah);
}
