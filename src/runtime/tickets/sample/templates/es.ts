/** Spanish phrase pools for the sample tickets. */
import type { LanguagePhrases } from './types.js';

export const ES: LanguagePhrases = {
  greetings: ['Hola,', 'Buenos días,', 'Estimado equipo de soporte:', 'Hola equipo de Lumora,'],
  closings: ['Gracias,', 'Un saludo,', 'Saludos cordiales,', 'Muchas gracias de antemano,'],
  phoneLabels: ['Teléfono:', 'Móvil:', 'Tel.:'],
  agentReplies: [
    'Hola {first}, gracias por escribirnos. Hemos trasladado tu consulta al equipo correspondiente.',
    'Buenos días {first}, estamos revisando tu caso y te responderemos en un día laborable.',
  ],
  internalNotes: ['Cliente desde 2023, sin escalaciones previas.', 'Posible duplicado, revisar antes de enrutar.'],
  credentialLeadIns: {
    config: ['Esta es nuestra configuración, por si ayuda:\n\n{secret}'],
    token: ['La integración usa el token {secret} y siempre devuelve 401.'],
    log: ['Esta es la petición de nuestros registros:\n\n{secret}'],
    key: ['No puedo adjuntar archivos, así que pego la clave aquí:\n\n{secret}'],
    password: ['Si necesitan entrar a revisar, password: {secret}'],
    leak: ['Este es el valor que quedó expuesto:\n\n{secret}'],
  },
  piiSentences: {
    card: ['El cargo se hizo en mi tarjeta {card}.', 'La tarjeta registrada es {card}.'],
    iban: ['Por favor, devuelvan el importe a mi cuenta, IBAN {iban}.', 'Pueden hacer el reembolso al IBAN {iban}.'],
    email2: ['También pueden escribirme a {email2}.'],
    address: ['La dirección de entrega es {address}.', 'Mi dirección: {address}'],
    phone2: ['Pueden llamarme al teléfono {phone2}.'],
  },
  terse: {
    shipping: ['¿dónde está mi pedido {order}?', 'el paquete no ha llegado'],
    cancellation: ['quiero darme de baja', 'cancelen mi suscripción por favor'],
  },
  categories: {
    billing: {
      scenarios: [
        {
          subjects: ['Cobro duplicado', 'Me han cobrado dos veces'],
          openings: ['El {date} me cobraron dos veces {amount} por la suscripción {plan}.'],
          details: ['Los dos cargos tienen el mismo número de factura.', 'En mi cuenta solo aparece una suscripción activa.'],
          asks: ['¿Pueden devolver el cargo duplicado?'],
        },
        {
          subjects: ['Consulta sobre la factura {invoice}', 'Importe incorrecto en la factura'],
          openings: ['En mi última factura ({invoice}) aparece {amount}, que no corresponde con mi plan.'],
        },
        {
          subjects: ['Facturas con el NIF de la empresa', 'Necesito facturas para contabilidad'],
          openings: ['Necesito las facturas de los últimos {n} meses con el NIF de la empresa.'],
        },
      ],
      details: [],
      asks: ['Por favor, revisen el cobro y corrijan la factura.'],
      followups: ['¿Hay novedades? El cargo sigue en mi extracto.'],
    },
    refunds: {
      scenarios: [
        {
          subjects: ['Solicitud de reembolso del pedido {order}', 'Devolución y reembolso'],
          openings: ['Devolví el {product} del pedido {order} el {date} y solicito el reembolso.'],
          details: ['El número de seguimiento de la devolución es {tracking}.'],
        },
        {
          subjects: ['Todavía no he recibido el reembolso', '¿Dónde está mi reembolso?'],
          openings: ['Hace {days} días me confirmaron un reembolso y todavía no lo he recibido.'],
          asks: ['¿Cuándo recibiré el reembolso?'],
        },
        {
          subjects: ['Producto defectuoso, quiero el reembolso'],
          openings: ['El dispositivo llegó defectuoso, lo he devuelto y quiero que me devuelvan el dinero.'],
        },
      ],
      details: ['El importe era {amount}.'],
      asks: ['Por favor, tramiten el reembolso lo antes posible.'],
      followups: ['Sigo sin recibir el reembolso.'],
    },
    technical_issue: {
      scenarios: [
        {
          subjects: ['El {product} se desconecta', 'El dispositivo pierde la conexión'],
          openings: ['Mi {product} se desconecta varias veces al día y tengo que reiniciarlo.'],
          details: ['Los demás dispositivos de la red funcionan bien.'],
        },
        {
          subjects: ['La aplicación se queda cargando', 'No carga la vista en directo'],
          openings: ['Desde la actualización a la versión {version} la vista en directo no carga en {os}.'],
        },
        {
          subjects: ['El hub no se conecta al wifi', 'Falla la configuración'],
          openings: ['La configuración falla siempre en el paso de la red wifi.'],
        },
        {
          subjects: ['La API devuelve {error}', 'Errores en la API'],
          openings: ['Nuestras llamadas a la API de Lumora fallan desde esta mañana con {error}.'],
        },
      ],
      details: ['Ya reinicié el router y el dispositivo.'],
      asks: ['¿Me pueden ayudar a que vuelva a funcionar?', '¿Es un problema conocido?'],
      followups: ['Probé los pasos que me indicaron y sigue igual.'],
    },
    account_access: {
      scenarios: [
        {
          subjects: ['No puedo iniciar sesión', 'Contraseña incorrecta'],
          openings: ['No puedo entrar en mi cuenta, dice que la contraseña es incorrecta.'],
        },
        {
          subjects: ['No llega el correo para restablecer la contraseña'],
          openings: ['El correo para restablecer la contraseña nunca llega, ni siquiera a spam.'],
        },
        {
          subjects: ['Cuenta bloqueada', 'Me han bloqueado la cuenta'],
          openings: ['Mi cuenta se bloqueó después de varios intentos de inicio de sesión.'],
          asks: ['Por favor, desbloqueen mi cuenta.'],
        },
      ],
      details: ['Lo he intentado en el navegador y en la aplicación.', 'Puedo dar el número de serie del hub para verificar.'],
      asks: ['¿Cómo puedo recuperar el acceso?'],
      followups: ['El nuevo enlace también caducó.'],
    },
    shipping: {
      scenarios: [
        {
          subjects: ['¿Dónde está mi pedido {order}?', 'Retraso en la entrega'],
          openings: ['Pedí un {product} el {date} (pedido {order}) y todavía no ha llegado.'],
        },
        {
          subjects: ['Paquete marcado como entregado pero no recibido'],
          openings: ['El seguimiento dice que el paquete fue entregado, pero no lo tengo.'],
          details: ['Estuve en casa todo el día.'],
        },
        {
          subjects: ['El seguimiento no se actualiza'],
          openings: ['El número de seguimiento {tracking} de {carrier} no se actualiza desde hace una semana.'],
        },
      ],
      details: ['La empresa de transporte es {carrier}.'],
      asks: ['¿Pueden averiguar dónde está el paquete?', 'Por favor, envíen un reemplazo.'],
      followups: ['La empresa de transporte tampoco sabe dónde está.'],
    },
    cancellation: {
      scenarios: [
        {
          subjects: ['Cancelar mi suscripción', 'Solicitud de baja'],
          openings: ['Quiero cancelar mi suscripción {plan} al final del periodo de facturación.'],
          details: ['El motivo principal es la subida de precio.'],
        },
        {
          subjects: ['Desactivar la renovación automática'],
          openings: ['Por favor, desactiven la renovación automática; no quiero otro cargo el {date}.'],
        },
        {
          subjects: ['Dar de baja la cuenta'],
          openings: ['Ya no usamos los dispositivos y queremos dar de baja la cuenta.'],
        },
      ],
      details: [],
      asks: ['Por favor, confirmen la cancelación por escrito.', 'Confirmen que no habrá más cargos.'],
      followups: ['Todavía no he recibido la confirmación de la baja.'],
    },
  },
};
