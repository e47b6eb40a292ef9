using Kinerja.Domain.Dialog;
using Kinerja.Domain.Penilaian;
using KinerjaBot.Handlers;
using KinerjaBot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Dialog;

public static class DialogServiceCollectionExtensions
{
    /// <summary>
    /// Performance dialogs: <see cref="DialogOptions"/> (validated on start), the dialog policy
    /// (<see cref="KebijakanDialog"/>, embedded <c>Kebijakan/dialog.json</c>), the agenda generator, the signed minutes
    /// links and <see cref="DialogHandler"/>.
    /// </summary>
    public static IServiceCollection AddKinerjaDialog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DialogOptions>()
            .Bind(configuration.GetSection(DialogOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DialogOptions>, DialogOptionsValidator>();
        services.AddSingleton(_ => KebijakanDialog.Bawaan());
        services.TryAddSingleton(sp => new PenyusunAgenda(sp.GetRequiredService<Penilai>()));
        services.TryAddSingleton<TautanBertanda>();
        services.AddSingleton<TautanNotula>();
        services.AddScoped<DialogHandler>();
        return services;
    }

    /// <summary>
    /// <c>GET /dialog/notula</c>: the DOCX of a dialog's minutes behind a signed, short-lived link (<see cref="TautanNotula"/>).
    /// A tampered or expired link gets 403 with a message in Bahasa Indonesia; a person who may no longer read the dialog, 404.
    /// </summary>
    public static IEndpointRouteBuilder MapNotulaDialog(this IEndpointRouteBuilder app)
    {
        app.MapGet(TautanNotula.Jalur, async (HttpContext http, TautanNotula tautan, DialogHandler handler, CancellationToken cancellationToken) =>
        {
            var q = http.Request.Query;
            if (tautan.Periksa(q["k"], q["d"], q["n"], q["e"], q["s"], out var alasan) is not { } p)
            {
                return Results.Text(alasan, "text/plain; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);
            }

            return await handler.DocxAsync(p.KodeKantor, p.IdDialog, p.Untuk, cancellationToken) is { } docx
                ? Results.File(docx.Isi, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.NamaBerkas)
                : Results.Text("Notula tidak ditemukan.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        });
        return app;
    }
}
