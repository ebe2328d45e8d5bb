/** Ordinary support text with nothing to redact: the false-positive corpus. */
export const BENIGN_TEXTS: readonly string[] = [
  `Hi team,
my order #A-20931 (order no. 4815162342) placed on 2024-03-05 at 10:32:05 still hasn't arrived.
UPS tracking 1Z999AA10123456784, USPS 9400 1000 0000 0000 0000 00, FedEx 7489 2302 1234.
I was charged $1,234.56 twice (transaction 20240305-000123) and €99,90 for shipping.
App version 4.2.1 (build 10.0.19045.3803) on iOS 17.4, request id 123e4567-e89b-12d3-a456-426614174000.
The error was HTTP 502 at 2024-03-05T10:32:05.123Z from 192.168.100.254:8080.
Invoice INV-2024-000981, SKU 8806094937854, qty 3, total 3 x 19.99 = 59.97.
Password: changed yesterday, token: expired, key: SUP-1234.
Please reset my password: I forgot it. Thanks @jane and logo@2x.png looks blurry.`,
  `Hallo Support-Team,
meine Bestellung 2024-117734 vom 05.03.2024 ist nicht angekommen. Sendungsnummer 00340434161094042557.
Ich wohne in 10115 Berlin, Hauptstraße 12. Der Betrag von 1.234,56 EUR wurde zweimal abgebucht.
Die App (Version 3.14.15) stürzt um 14:30 Uhr ab. Größe: 42, Farbe: Weiß, Menge: 2 Stück.
Viele Grüße`,
  `Hola, mi pedido n.º 558-2231-77 del 12/03/2024 llegó dañado. El importe fue de 1.299,00 €.
La versión de la aplicación es 2.0.1 y el código de error E-4021. ¿Pueden ayudarme? Saludos.`,
  `お世話になっております。注文番号 2024031500123 の商品がまだ届いていません。
追跡番号は 1234-5678-9012 です。アプリのバージョンは 5.2.0 で、2024年3月15日 10:32 にエラーが発生しました。
金額は ¥12,800 でした。よろしくお願いいたします。`,
];
