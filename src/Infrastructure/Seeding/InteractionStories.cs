using ChatCrm.Domain.Interactions;

namespace ChatCrm.Infrastructure.Seeding;

/// <summary>
/// What demo interactions say, in the customer's language: summaries per kind and channel (with <c>{0}</c>
/// standing for an offer name) and outcomes. Written the way reps write them: short and to the point.
/// </summary>
internal static class InteractionStories
{
    private static readonly Dictionary<(InteractionKind, InteractionChannel), (string[] Spanish, string[] English)> Summaries = new()
    {
        [(InteractionKind.Call, InteractionChannel.Phone)] = (
        [
            "Llamada para revisar la renovación de {0}; quiere comparar precios antes de decidir.",
            "Llamó por una duda con la factura de {0}; se le explicó el cargo y quedó conforme.",
            "Llamada de seguimiento tras la demo de {0}; le interesa para otra sede.",
            "Pregunta por plazos de entrega de {0} y si hay descuento por volumen.",
            "Confirma que recibió la propuesta de {0} y la está revisando con dirección.",
        ],
        [
            "Call to review the {0} renewal; wants to compare prices before deciding.",
            "Called about a charge on the {0} invoice; explained it and they were happy.",
            "Follow-up call after the {0} demo; interested for another branch.",
            "Asked about delivery times for {0} and whether there is a volume discount.",
            "Confirmed they received the {0} proposal and are reviewing it with management.",
        ]),
        [(InteractionKind.Call, InteractionChannel.Teams)] = (
        [
            "Llamada por Teams con el responsable de compras sobre {0}.",
            "Llamada rápida por Teams: dudas sobre cómo dar de alta usuarios en {0}.",
        ],
        [
            "Teams call with the purchasing lead about {0}.",
            "Quick Teams call: questions on adding users to {0}.",
        ]),
        [(InteractionKind.Visit, InteractionChannel.Visit)] = (
        [
            "Visita a sus oficinas para presentar {0} al equipo de compras.",
            "Visita técnica: revisamos la instalación de {0} y quedó funcionando.",
            "Visita de cortesía; comentan que abren una sede nueva el próximo trimestre y podrían necesitar {0}.",
        ],
        [
            "Visited their office to present {0} to the purchasing team.",
            "Technical visit: checked the {0} installation, all working now.",
            "Courtesy visit; they open a new site next quarter and may need {0}.",
        ]),
        [(InteractionKind.Visit, InteractionChannel.Store)] = (
        [
            "Pasó por la tienda a ver {0}; se llevó el catálogo y la tarifa.",
            "Vino a la tienda a recoger su pedido de {0} y preguntó por la garantía.",
        ],
        [
            "Came by the store to look at {0}; took the catalogue and price list.",
            "Picked up the {0} order at the store and asked about the warranty.",
        ]),
        [(InteractionKind.Meeting, InteractionChannel.Meeting)] = (
        [
            "Reunión con la gerencia para planificar la implantación de {0}.",
            "Reunión trimestral: satisfechos con {0}, piden más formación.",
            "Negociación del contrato anual; piden condiciones especiales para {0}.",
        ],
        [
            "Meeting with management to plan the {0} rollout.",
            "Quarterly review: happy with {0}, asking for more training.",
            "Annual contract negotiation; they want special terms for {0}.",
        ]),
        [(InteractionKind.Meeting, InteractionChannel.Teams)] = (
        [
            "Reunión por Teams con IT sobre la integración de {0} con su ERP.",
            "Demo de {0} por Teams para cinco personas del equipo comercial.",
        ],
        [
            "Teams meeting with IT about integrating {0} with their ERP.",
            "Demoed {0} over Teams to five people from their sales team.",
        ]),
        [(InteractionKind.Email, InteractionChannel.Email)] = (
        [
            "Enviada la propuesta económica de {0} con las condiciones acordadas.",
            "Responde al correo: necesita la factura de {0} con el NIF corregido.",
            "Nos escribe para ampliar licencias de {0}.",
            "Correo con dudas sobre la garantía de {0}.",
        ],
        [
            "Sent the {0} quote with the terms we agreed.",
            "Replied by e-mail: needs the {0} invoice reissued with the right VAT number.",
            "Wrote in to add more {0} seats.",
            "E-mail with questions about the {0} warranty.",
        ]),
        [(InteractionKind.Email, InteractionChannel.Web)] = (
        [
            "Solicitud desde el formulario web: pide información de {0}.",
            "Rellenó el formulario de contacto para pedir una demo de {0}.",
        ],
        [
            "Web form request: wants information on {0}.",
            "Filled in the contact form asking for a {0} demo.",
        ]),
        [(InteractionKind.Chat, InteractionChannel.Teams)] = (
        [
            "Chat en Teams: pregunta si {0} funciona sin conexión; le enviamos la guía.",
            "Por el canal compartido de Teams pide el estado de su pedido de {0}.",
        ],
        [
            "Teams chat: asked whether {0} works offline; sent the guide.",
            "In the shared Teams channel, asked for the status of their {0} order.",
        ]),
        [(InteractionKind.Chat, InteractionChannel.Slack)] = (
        [
            "Mensaje en Slack: quiere una demo de {0} la semana que viene.",
            "Por Slack comenta un error al exportar desde {0}; lo pasamos a soporte.",
        ],
        [
            "Slack message: wants a {0} demo next week.",
            "Reported an export error in {0} on Slack; passed it to support.",
        ]),
        [(InteractionKind.Chat, InteractionChannel.Web)] = (
        [
            "Chat web: consulta rápida sobre el precio de {0}.",
            "Chat web: no encuentra la factura de {0} en el portal; se la reenviamos.",
        ],
        [
            "Web chat: quick question about {0} pricing.",
            "Web chat: could not find the {0} invoice in the portal; resent it.",
        ]),
    };

    private static readonly string[] SpanishOutcomes =
    [
        "Enviar propuesta antes del viernes.", "Pendiente de aprobación interna.", "Cerrado: pedido confirmado.",
        "Sin interés por ahora; volver a llamar en tres meses.", "Resuelto en el momento.", "Agendar demo con el equipo técnico.",
        "Escalado a soporte.", "Espera presupuesto revisado.", "Quiere consultarlo con su socio antes de decidir.",
        "Pide referencias de otros clientes.",
    ];

    private static readonly string[] EnglishOutcomes =
    [
        "Send proposal by Friday.", "Waiting for internal approval.", "Closed: order confirmed.",
        "No interest for now; call back in three months.", "Resolved there and then.", "Book a demo with the technical team.",
        "Escalated to support.", "Waiting for a revised quote.", "Wants to check with their partner first.",
        "Asked for customer references.",
    ];

    public static IReadOnlyList<string> SummariesFor(InteractionKind kind, InteractionChannel channel, bool spanish)
    {
        var texts = Summaries.TryGetValue((kind, channel), out var found)
            ? found
            : Summaries[(kind, kind.DefaultChannel(InteractionChannel.Teams))];
        return spanish ? texts.Spanish : texts.English;
    }

    public static IReadOnlyList<string> Outcomes(bool spanish) => spanish ? SpanishOutcomes : EnglishOutcomes;
}
