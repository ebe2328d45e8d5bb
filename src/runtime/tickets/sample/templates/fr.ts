/** French phrase pools for the sample tickets. */
import type { LanguagePhrases } from './types.js';

export const FR: LanguagePhrases = {
  greetings: ['Bonjour,', 'Madame, Monsieur,', "Bonjour l'équipe Lumora,", 'Bonsoir,'],
  closings: ['Cordialement,', 'Merci d’avance,', 'Bien à vous,', 'Merci,'],
  phoneLabels: ['Téléphone :', 'Tél. :', 'Portable :'],
  agentReplies: [
    'Bonjour {first}, merci pour votre message. Nous avons transmis votre demande au service concerné.',
    'Bonjour {first}, nous examinons votre dossier et revenons vers vous sous un jour ouvré.',
  ],
  internalNotes: ['Client depuis 2022, aucune escalade précédente.', 'Doublon possible, à vérifier.'],
  credentialLeadIns: {
    config: ['Voici notre configuration, au cas où :\n\n{secret}'],
    token: ["L'intégration utilise le jeton {secret} et renvoie toujours 401."],
    log: ['Voici la requête tirée de nos journaux :\n\n{secret}'],
    key: ["Je n'arrive pas à joindre le fichier, voici donc la clé :\n\n{secret}"],
    password: ['Si vous devez vous connecter pour vérifier, password: {secret}'],
    leak: ['Voici la valeur qui a été exposée :\n\n{secret}'],
  },
  piiSentences: {
    card: ['Le prélèvement a été fait sur ma carte {card}.', 'La carte enregistrée est la {card}.'],
    iban: ['Merci de me rembourser sur mon compte, IBAN {iban}.', 'Vous pouvez effectuer le remboursement sur l’IBAN {iban}.'],
    email2: ['Vous pouvez aussi me joindre à {email2}.'],
    address: ['L’adresse de livraison est {address}.', 'Mon adresse : {address}'],
    phone2: ['Vous pouvez me rappeler au téléphone {phone2}.'],
  },
  terse: {
    shipping: ['où est ma commande {order} ?', 'colis jamais reçu'],
    account_access: ['impossible de me connecter', 'compte bloqué, merci de le débloquer'],
  },
  categories: {
    billing: {
      scenarios: [
        {
          subjects: ['Double prélèvement', 'Prélevé deux fois'],
          openings: ["J'ai été prélevé deux fois de {amount} le {date} pour l'abonnement {plan}."],
          details: ['Les deux prélèvements portent le même numéro de facture.', 'Mon compte ne montre qu’un seul abonnement actif.'],
          asks: ['Pouvez-vous annuler le prélèvement en double ?'],
        },
        {
          subjects: ['Question sur la facture {invoice}', 'Montant incorrect sur la facture'],
          openings: ['Ma dernière facture ({invoice}) indique {amount}, ce qui ne correspond pas à mon forfait.'],
        },
        {
          subjects: ['Factures avec notre numéro de TVA'],
          openings: ['Notre service comptable a besoin des factures des {n} derniers mois avec notre numéro de TVA.'],
        },
      ],
      details: [],
      asks: ['Merci de vérifier la facturation et de corriger la facture.'],
      followups: ['Des nouvelles ? Le prélèvement apparaît toujours sur mon relevé.'],
    },
    refunds: {
      scenarios: [
        {
          subjects: ['Demande de remboursement commande {order}', 'Retour et remboursement'],
          openings: ["J'ai renvoyé le {product} de la commande {order} le {date} et je demande le remboursement."],
          details: ['Le numéro de suivi du retour est {tracking}.'],
        },
        {
          subjects: ['Remboursement toujours pas reçu'],
          openings: ['On m’a promis un remboursement il y a {days} jours et je n’ai toujours rien reçu.'],
          asks: ['Quand le remboursement sera-t-il effectué ?'],
        },
        {
          subjects: ['Appareil défectueux, remboursement'],
          openings: ["L'appareil est arrivé défectueux, je l'ai renvoyé et je souhaite être remboursé."],
        },
      ],
      details: ['Le montant était de {amount}.'],
      asks: ['Merci de traiter le remboursement au plus vite.'],
      followups: ['Toujours pas de remboursement.'],
    },
    technical_issue: {
      scenarios: [
        {
          subjects: ['Le {product} se déconnecte sans arrêt'],
          openings: ['Mon {product} se déconnecte plusieurs fois par jour et je dois le redémarrer.'],
          details: ['Les autres appareils du réseau fonctionnent normalement.'],
        },
        {
          subjects: ["L'application reste bloquée au chargement", 'La vue en direct ne charge plus'],
          openings: ['Depuis la mise à jour vers la version {version}, la vue en direct ne charge plus sous {os}.'],
        },
        {
          subjects: ['Le hub ne se connecte pas au wifi'],
          openings: ["L'installation échoue à chaque fois à l'étape du wifi."],
        },
        {
          subjects: ["L'API renvoie {error}"],
          openings: ["Nos appels à l'API Lumora échouent depuis ce matin avec {error}."],
        },
      ],
      details: ["J'ai déjà redémarré la box et l'appareil."],
      asks: ["Pouvez-vous m'aider à le remettre en marche ?", "S'agit-il d'un problème connu ?"],
      followups: ["J'ai essayé vos suggestions, sans succès."],
    },
    account_access: {
      scenarios: [
        {
          subjects: ['Impossible de me connecter', 'Mot de passe refusé'],
          openings: ['Je ne peux plus me connecter à mon compte, le mot de passe est refusé.'],
        },
        {
          subjects: ['E-mail de réinitialisation du mot de passe non reçu'],
          openings: ["L'e-mail de réinitialisation du mot de passe n'arrive jamais, même pas dans les spams."],
        },
        {
          subjects: ['Compte verrouillé'],
          openings: ['Mon compte a été verrouillé après plusieurs tentatives de connexion.'],
          asks: ['Merci de débloquer mon compte.'],
        },
      ],
      details: ["J'ai essayé sur le navigateur et dans l'application.", 'Je peux donner le numéro de série du hub pour vérification.'],
      asks: ["Comment puis-je récupérer l'accès ?"],
      followups: ['Le nouveau lien a aussi expiré.'],
    },
    shipping: {
      scenarios: [
        {
          subjects: ['Où est ma commande {order} ?', 'Retard de livraison'],
          openings: ["J'ai commandé un {product} le {date} (commande {order}) et il n'est toujours pas arrivé."],
        },
        {
          subjects: ['Colis indiqué livré mais non reçu'],
          openings: ["Le suivi indique que le colis a été livré, mais je ne l'ai pas reçu."],
          details: ["J'étais chez moi toute la journée."],
        },
        {
          subjects: ['Le suivi ne bouge plus'],
          openings: ['Le numéro de suivi {tracking} de {carrier} ne bouge plus depuis une semaine.'],
        },
      ],
      details: ['Le transporteur est {carrier}.'],
      asks: ['Pouvez-vous retrouver le colis ?', "Merci d'envoyer un produit de remplacement."],
      followups: ['Le transporteur ne sait pas non plus où se trouve le colis.'],
    },
    cancellation: {
      scenarios: [
        {
          subjects: ['Résiliation de mon abonnement', 'Demande de résiliation'],
          openings: ['Je souhaite résilier mon abonnement {plan} à la fin de la période en cours.'],
          details: ['La raison principale est la hausse de prix.'],
        },
        {
          subjects: ['Arrêter le renouvellement automatique'],
          openings: ['Merci de désactiver le renouvellement automatique, je ne veux pas être prélevé le {date}.'],
        },
        {
          subjects: ['Fermeture du compte'],
          openings: ["Nous n'utilisons plus les appareils et souhaitons fermer notre compte."],
        },
      ],
      details: [],
      asks: ['Merci de me confirmer la résiliation par écrit.', "Merci de confirmer qu'aucun autre prélèvement ne sera effectué."],
      followups: ["Je n'ai toujours pas reçu de confirmation de résiliation."],
    },
    data_privacy: {
      scenarios: [
        {
          subjects: ["Demande d'accès RGPD", 'Copie de mes données'],
          openings: ["Conformément à l'article 15 du RGPD, je demande une copie de toutes les données personnelles me concernant."],
          asks: ['Merci de confirmer la réception de cette demande.'],
        },
        {
          subjects: ['Suppression de mes données', "Droit à l'effacement"],
          openings: ['Merci de supprimer mon compte et toutes les données personnelles associées.'],
          asks: ['Merci de confirmer une fois la suppression effectuée.'],
        },
        {
          subjects: ['Question sur les enregistrements vidéo'],
          openings: ['Combien de temps conservez-vous les enregistrements des caméras et qui y a accès ?'],
        },
      ],
      details: ['Le compte est enregistré sous cette adresse e-mail.'],
      asks: ['Merci de répondre dans le délai légal.'],
      followups: ['Sans réponse depuis trois semaines, merci de me tenir informé.'],
    },
  },
};
